import { StringDecoder } from 'node:string_decoder';
import type { ImportEncoding } from '../../domain/import/import-encodings';
import { utf8Chunks } from '../encoding/utf8-chunks';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { RecordReader, SourceCell, SourceRecord } from '../source-record';
import { decodeCharset, decodeQuotedPrintable } from './quoted-printable';
import { parseHead, splitContentLine, splitStructured, unescapeText, type VCardProperty } from './vcard-property';

/** Properties whose values are binary (photos, sounds, keys): skipped without being held in memory. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
/** Properties about the card rather than the person. */
const IGNORED = new Set(['VERSION', 'PRODID', 'REV', 'UID', 'SOURCE', 'KIND', 'CLASS', 'LABEL', 'MAILER', 'TZ', 'GEO']);

interface LogicalLine {
  text: string;
  readonly quotedPrintable: boolean;
  /** A binary value: its continuation lines are dropped as they come. */
  readonly skipped: boolean;
}

/**
 * Reads vCard 2.1, 3.0 and 4.0 files, any number of cards: folded lines joined, QUOTED-PRINTABLE values
 * decoded in their CHARSET (soft line breaks joined), escapes undone. Each card becomes a row (numbered 1, 2,
 * …) with columns named as Outlook names them ("First Name", "E-mail Address", "Business City", …), so one
 * mapping serves both. What a card holds that cannot be read is the row's problem, not the file's.
 */
export class VCardReader implements RecordReader {
  readonly header: readonly string[] = [];

  constructor(
    private readonly path: string,
    private readonly encoding: ImportEncoding,
    private readonly limits: ImportLimits,
  ) {}

  async *records(): AsyncGenerator<SourceRecord> {
    const cards = new VCardParser(this.limits);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    for await (const chunk of utf8Chunks(this.path, this.encoding)) {
      const text = pending + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        cards.line(text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end));
        start = end + 1;
      }
      pending = text.slice(start);
      if (pending.length > this.limits.maxCellChars)
        throw new ImportFileError(`Card ${cards.count}: a line is longer than ${this.limits.maxCellChars} characters; the file is refused`);
      yield* cards.take();
    }
    const rest = pending + decoder.end();
    if (rest.length > 0) cards.line(rest.replace(/\r$/u, ''));
    cards.end();
    yield* cards.take();
  }
}

/** Turns physical lines into cards: joins folded lines and soft line breaks, then reads each property. */
class VCardParser {
  /** How many cards have begun. */
  count = 0;
  private readonly ready: SourceRecord[] = [];
  private card: CardBuilder | null = null;
  private logical: LogicalLine | null = null;

  constructor(private readonly limits: ImportLimits) {}

  line(physical: string): void {
    const logical = this.logical;
    if (logical?.quotedPrintable && logical.text.endsWith('=')) {
      logical.text = logical.text.slice(0, -1) + physical;
    } else if (logical && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      if (!logical.skipped) logical.text += physical.slice(1);
    } else {
      if (logical) this.property(logical);
      this.logical = startLine(physical);
      return;
    }
    if (logical.text.length > this.limits.maxCellChars)
      throw new ImportFileError(`Card ${this.count}: a value is longer than ${this.limits.maxCellChars} characters; the file is refused`);
  }

  end(): void {
    if (this.logical) this.property(this.logical);
    this.logical = null;
    if (this.card) {
      this.card.problem('the card has no END:VCARD');
      this.ready.push(this.card.record());
      this.card = null;
    }
  }

  /** The cards completed since the last call. */
  take(): SourceRecord[] {
    return this.ready.splice(0);
  }

  private property(line: LogicalLine): void {
    if (line.skipped) return;
    const split = splitContentLine(line.text);
    if (!split) {
      if (this.card && line.text.trim() !== '') this.card.problem('a line of the card is not a vCard property');
      return;
    }
    const { name, params } = parseHead(split.head);
    if (name === 'BEGIN' && split.value.trim().toUpperCase() === 'VCARD') {
      if (this.card) {
        this.card.problem('the card has no END:VCARD');
        this.ready.push(this.card.record());
      }
      this.count += 1;
      this.card = new CardBuilder(this.count);
    } else if (name === 'END' && this.card) {
      this.ready.push(this.card.record());
      this.card = null;
    } else {
      this.card?.add({ name, params, value: split.value });
    }
  }
}

function startLine(physical: string): LogicalLine | null {
  if (physical.trim() === '') return null;
  const split = splitContentLine(physical);
  if (!split) return { text: physical, quotedPrintable: false, skipped: false };
  const { name, params } = parseHead(split.head);
  const encoding = [...(params.get('ENCODING') ?? []), ...(params.get('TYPE') ?? [])].map((value) => value.toUpperCase());
  return {
    text: physical,
    quotedPrintable: encoding.includes('QUOTED-PRINTABLE'),
    skipped: BINARY.has(name) || encoding.includes('B') || encoding.includes('BASE64'),
  };
}

/** The columns of one card, named as Outlook's export names them. */
class CardBuilder {
  private readonly cells: SourceCell[] = [];
  private readonly problems: string[] = [];
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly number: number) {}

  problem(message: string): void {
    if (!this.problems.includes(message)) this.problems.push(message);
  }

  record(): SourceRecord {
    return this.problems.length > 0
      ? { row: this.number, cells: this.cells, problems: this.problems }
      : { row: this.number, cells: this.cells };
  }

  add(property: VCardProperty): void {
    if (IGNORED.has(property.name)) return;
    const value = this.decode(property);
    if (value === null) return;
    const types = property.params.get('TYPE') ?? [];
    switch (property.name) {
      case 'N': {
        const [last, first, middle, prefix, suffix] = splitStructured(value).map(unescapeText);
        this.set('Last Name', last);
        this.set('First Name', first);
        this.set('Middle Name', middle);
        this.set('Title', prefix);
        this.set('Suffix', suffix);
        return;
      }
      case 'FN':
        return this.set('Full Name', unescapeText(value));
      case 'ORG': {
        const [company, ...departments] = splitStructured(value).map(unescapeText);
        this.set('Company', company);
        this.set('Department', departments.filter((part) => part.trim() !== '').join(', '));
        return;
      }
      case 'TITLE':
        return this.set('Job Title', unescapeText(value));
      case 'NOTE':
        return this.set('Notes', unescapeText(value));
      case 'URL':
        return this.set('Web Page', unescapeText(value));
      case 'EMAIL': {
        const count = this.next('EMAIL');
        return this.set(count === 1 ? 'E-mail Address' : `E-mail ${count} Address`, unescapeText(value));
      }
      case 'TEL': {
        const base = phoneColumn(types);
        const count = this.next(base);
        return this.set(count === 1 ? base : `${base} ${count}`, unescapeText(value).replace(/^tel:/iu, ''));
      }
      case 'ADR': {
        const place = types.includes('WORK') ? 'Business' : types.includes('HOME') ? 'Home' : 'Other';
        if (this.next(`ADR ${place}`) > 1) return;
        const [poBox, extended, street, city, region, postalCode, country] = splitStructured(value).map(unescapeText);
        this.set(`${place} Street`, street);
        this.set(`${place} Street 2`, extended);
        this.set(`${place} City`, city);
        this.set(`${place} State`, region);
        this.set(`${place} Postal Code`, postalCode);
        this.set(`${place} Country/Region`, country);
        this.set(`${place} Address PO Box`, poBox);
        return;
      }
      default: {
        const count = this.next(property.name);
        return this.set(count === 1 ? property.name : `${property.name} (${count})`, unescapeText(value));
      }
    }
  }

  /** The value with QUOTED-PRINTABLE and CHARSET undone (escapes are undone per part, after splitting). */
  private decode(property: VCardProperty): string | null {
    const encoding = [...(property.params.get('ENCODING') ?? []), ...(property.params.get('TYPE') ?? [])].map((value) =>
      value.toUpperCase(),
    );
    if (!encoding.includes('QUOTED-PRINTABLE')) return property.value;
    const decoded = decodeCharset(decodeQuotedPrintable(property.value), property.params.get('CHARSET')?.[0]);
    if (decoded === null) {
      this.problem(`the ${property.name} value is in a CHARSET an import cannot read`);
      return null;
    }
    return decoded;
  }

  private next(key: string): number {
    const count = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, count);
    return count;
  }

  private set(column: string, value: string | undefined): void {
    if (value === undefined || value.trim() === '') return;
    let name = column;
    for (let occurrence = 2; this.cells.some((cell) => cell.column === name); occurrence += 1) name = `${column} (${occurrence})`;
    this.cells.push({ column: name, value: value.replace(/\r\n?/gu, '\n') });
  }
}

/** Outlook's column for a telephone number of the given vCard types. */
function phoneColumn(types: readonly string[]): string {
  if (types.includes('CELL')) return 'Mobile Phone';
  if (types.includes('FAX')) return types.includes('HOME') ? 'Home Fax' : 'Business Fax';
  if (types.includes('PAGER')) return 'Pager';
  if (types.includes('HOME')) return 'Home Phone';
  if (types.includes('WORK')) return 'Business Phone';
  return 'Primary Phone';
}
