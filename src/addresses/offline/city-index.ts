import { searchKey } from '../search-key';
import { isAddressable, type GeoNamesCity } from './geonames-city';
import { MaxScoreTree } from './max-score-tree';

/** A place found by a search, and the name it was found under. */
export interface CityMatch {
  readonly city: GeoNamesCity;
  /** As shown: the name that was typed (an alias such as "Warszawa"), or the GeoNames name. */
  readonly name: string;
  /** Higher is better (see `CityIndex`). */
  readonly score: number;
}

/** Matching from the start of a name weighs as much as ten times the population … */
const FROM_NAME_START = 1;
/** … and matching the whole name as much again (so "York" comes before "New York City" for "york"). */
const WHOLE_NAME = 1;
/** Between a place's own names, equally good matches show the GeoNames name. */
const GEONAMES_NAME = 0.001;

/** Names of places before sorting: entry i is `keys[i]`, `cities[i]` …, in parallel arrays (no object per name). */
class Entries {
  readonly keys: string[] = [];
  readonly cities: number[] = [];
  readonly names: string[] = [];
  readonly fromStart: number[] = [];
  readonly scores: number[] = [];

  add(key: string, city: number, name: string, fromStart: boolean, score: number): void {
    this.keys.push(key);
    this.cities.push(city);
    this.names.push(name);
    this.fromStart.push(fromStart ? 1 : 0);
    this.scores.push(score);
  }

  /** The entries sorted by key (equal keys in the order they were added). */
  sorted(): SortedNames {
    const { keys } = this;
    const order = Array.from(keys, (_key, index) => index).sort((a, b) => {
      const keyA = keys[a]!;
      const keyB = keys[b]!;
      return keyA < keyB ? -1 : keyA > keyB ? 1 : a - b;
    });
    const count = order.length;
    const sortedKeys = new Array<string>(count);
    const sortedNames = new Array<string>(count);
    const cities = new Int32Array(count);
    const fromStart = new Uint8Array(count);
    const scores = new Float64Array(count);
    for (let position = 0; position < count; position += 1) {
      const entry = order[position]!;
      sortedKeys[position] = keys[entry]!;
      sortedNames[position] = this.names[entry]!;
      cities[position] = this.cities[entry]!;
      fromStart[position] = this.fromStart[entry]!;
      scores[position] = this.scores[entry]!;
    }
    return new SortedNames(sortedKeys, cities, sortedNames, fromStart, scores);
  }
}

/** A hit in one `SortedNames`: the entry's position, and its score for the search. */
interface Hit {
  readonly position: number;
  readonly score: number;
}

/** A part of the sorted names still to be taken from, with its best entry. */
interface Candidate extends Hit {
  readonly from: number;
  readonly to: number;
  readonly tree: MaxScoreTree;
}

/**
 * Names sorted by search key: the names starting with a prefix are one range, found by binary search, and the
 * best of them come out of two max-trees (one scoring whole-name matches, one the rest) best first, so a search
 * costs O(k log n) whatever the prefix.
 */
class SortedNames {
  private readonly tree: MaxScoreTree;
  private readonly wholeNameTree: MaxScoreTree;

  constructor(
    readonly keys: readonly string[],
    readonly cities: Int32Array,
    readonly names: readonly string[],
    readonly fromStart: Uint8Array,
    readonly scores: Float64Array,
  ) {
    this.tree = new MaxScoreTree(scores);
    const wholeNameScores = new Float64Array(scores.length);
    for (let position = 0; position < scores.length; position += 1) {
      wholeNameScores[position] = scores[position]! + (fromStart[position] === 1 ? WHOLE_NAME : 0);
    }
    this.wholeNameTree = new MaxScoreTree(wholeNameScores);
  }

  /** The positions of each country's entries, in order: one pass over all of them. */
  positionsByCountry(countryOf: (city: number) => string): Map<string, number[]> {
    const byCountry = new Map<string, number[]>();
    for (let position = 0; position < this.keys.length; position += 1) {
      const country = countryOf(this.cities[position]!);
      let positions = byCountry.get(country);
      if (!positions) {
        positions = [];
        byCountry.set(country, positions);
      }
      positions.push(position);
    }
    return byCountry;
  }

  /** The entries at `positions` (ascending), in the same order. */
  subset(positions: readonly number[]): SortedNames {
    const count = positions.length;
    const keys = new Array<string>(count);
    const names = new Array<string>(count);
    const cities = new Int32Array(count);
    const fromStart = new Uint8Array(count);
    const scores = new Float64Array(count);
    positions.forEach((from, to) => {
      keys[to] = this.keys[from]!;
      names[to] = this.names[from]!;
      cities[to] = this.cities[from]!;
      fromStart[to] = this.fromStart[from]!;
      scores[to] = this.scores[from]!;
    });
    return new SortedNames(keys, cities, names, fromStart, scores);
  }

  /** The best entry of each of the `limit` best places whose names start with `key`, best first. */
  top(key: string, limit: number): Hit[] {
    const from = this.lowerBound(key);
    const to = this.lowerBound(`${key}\uffff`);
    if (from === to) return [];
    // Keys equal to the search sort first in its range: there a whole-name match earns its bonus.
    const equalTo = this.lowerBound(`${key}\u0000`);
    const heap = new CandidateHeap();
    heap.pushRange(from, equalTo, this.wholeNameTree);
    heap.pushRange(equalTo, to, this.tree);
    const hits: Hit[] = [];
    const seen = new Set<number>();
    while (hits.length < limit) {
      const next = heap.pop();
      if (!next) break;
      const city = this.cities[next.position]!;
      if (!seen.has(city)) {
        seen.add(city);
        hits.push({ position: next.position, score: next.score });
      }
      heap.pushRange(next.from, next.position, next.tree);
      heap.pushRange(next.position + 1, next.to, next.tree);
    }
    return hits;
  }

  /** What `top` answers, found by testing every name: the reference the index is checked and measured against. */
  scan(key: string, limit: number): Hit[] {
    const best = new Map<number, Hit>();
    for (let position = 0; position < this.keys.length; position += 1) {
      const entryKey = this.keys[position]!;
      if (!entryKey.startsWith(key)) continue;
      const score = this.scores[position]! + (entryKey === key && this.fromStart[position] === 1 ? WHOLE_NAME : 0);
      const city = this.cities[position]!;
      const known = best.get(city);
      if (!known || score > known.score) best.set(city, { position, score });
    }
    return [...best.values()].sort(byRank).slice(0, limit);
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Best first; equal scores in key order. */
function byRank(a: Hit, b: Hit): number {
  return b.score - a.score || a.position - b.position;
}

/** A binary max-heap of candidate ranges, by their best entry (`byRank`). */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  pushRange(from: number, to: number, tree: MaxScoreTree): void {
    if (from >= to) return;
    const position = tree.argMax(from, to);
    this.push({ from, to, tree, position, score: tree.scoreAt(position) });
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let index = 0; ;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let first = index;
      if (left < items.length && byRank(items[left]!, items[first]!) < 0) first = left;
      if (right < items.length && byRank(items[right]!, items[first]!) < 0) first = right;
      if (first === index) break;
      [items[index], items[first]] = [items[first]!, items[index]!];
      index = first;
    }
    return top;
  }

  private push(candidate: Candidate): void {
    const items = this.items;
    items.push(candidate);
    for (let index = items.length - 1; index > 0;) {
      const parent = (index - 1) >> 1;
      if (byRank(items[index]!, items[parent]!) >= 0) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }
}

/**
 * Places by every name they are known under, for typeahead: a search matches the start of a name or of one of its
 * later words ("gora" finds Zielona Góra), accent- and case-insensitively (`searchKey`), and ranks by match
 * quality and size: log10(population) + 1 when the match starts the name + 1 more when it is the whole name.
 * Each place appears once, under its best-matching name. Searching within a country uses that country's own
 * index, made on its first search.
 */
export class CityIndex {
  private readonly byCountry = new Map<string, SortedNames>();
  /** Where each country's names are among all of them; found on the first search within a country. */
  private countryPositions: Map<string, number[]> | undefined;

  private constructor(
    private readonly places: readonly GeoNamesCity[],
    private readonly all: SortedNames,
  ) {}

  /** Indexes the addressable places under their GeoNames name and their aliases (`CITY_ALIASES`). */
  static build(places: readonly GeoNamesCity[], aliases: ReadonlyMap<number, readonly string[]>): CityIndex {
    const entries = new Entries();
    places.forEach((place, city) => {
      if (!isAddressable(place)) return;
      const size = Math.log10(Math.max(0, place.population) + 1);
      const addWords = (key: string, name: string, bonus: number, known: Set<string> | null) => {
        for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
          const words = key.slice(space + 1);
          if (known?.has(words)) continue;
          known?.add(words);
          entries.add(words, city, name, false, size + bonus);
        }
      };
      const others = aliases.get(place.cityId);
      if (others === undefined) {
        // Most places have one name: its later words are distinct keys by their lengths.
        const key = searchKey(place.name);
        if (key.length === 0) return;
        entries.add(key, city, place.name, true, size + FROM_NAME_START + GEONAMES_NAME);
        addWords(key, place.name, GEONAMES_NAME, null);
        return;
      }
      // Each distinct key once; an alias with the GeoNames name's key corrects how it is written.
      const names = new Map<string, { name: string; bonus: number }>();
      for (const [index, name] of [place.name, ...others].entries()) {
        const key = searchKey(name);
        if (key.length > 0) names.set(key, { name, bonus: names.get(key)?.bonus ?? (index === 0 ? GEONAMES_NAME : 0) });
      }
      const known = new Set(names.keys());
      for (const [key, { name, bonus }] of names) entries.add(key, city, name, true, size + FROM_NAME_START + bonus);
      for (const [key, { name, bonus }] of names) addWords(key, name, bonus, known);
    });
    return new CityIndex(places, entries.sorted());
  }

  /** How many names are indexed (a place has one per name, and one per later word of each). */
  get size(): number {
    return this.all.keys.length;
  }

  /** The `limit` best places for what a user typed, optionally within one country (ISO 3166-1 alpha-2). */
  search(text: string, limit: number, countryCode: string | null = null): CityMatch[] {
    const key = searchKey(text);
    if (key.length === 0 || limit <= 0) return [];
    const names = this.namesIn(countryCode);
    return names.top(key, limit).map((hit) => this.matchOf(names, hit));
  }

  /** The same answer as `search`, by testing every name of every place: the baseline of the benchmark. */
  scan(text: string, limit: number, countryCode: string | null = null): CityMatch[] {
    const key = searchKey(text);
    if (key.length === 0 || limit <= 0) return [];
    const names = countryCode === null ? this.all : this.namesIn(countryCode);
    return names.scan(key, limit).map((hit) => this.matchOf(names, hit));
  }

  private namesIn(countryCode: string | null): SortedNames {
    if (countryCode === null) return this.all;
    let names = this.byCountry.get(countryCode);
    if (!names) {
      this.countryPositions ??= this.all.positionsByCountry((city) => this.places[city]!.country);
      names = this.all.subset(this.countryPositions.get(countryCode) ?? []);
      this.byCountry.set(countryCode, names);
    }
    return names;
  }

  private matchOf(names: SortedNames, hit: Hit): CityMatch {
    return { city: this.places[names.cities[hit.position]!]!, name: names.names[hit.position]!, score: hit.score };
  }
}
