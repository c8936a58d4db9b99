import type { ImportEntityName, ImportRowProblem } from '../../../events/import.events';
import { importFieldsOf, type ImportField } from '../../domain/import/import-fields';
import { assertNever } from '../../shared/assert-never';
import type { CellValue, SourceRecord } from '../source-record';
import type { ColumnMapping, FieldSource } from './column-mapping';

/** A row's values by field, converted to what the commands take (text, whole numbers, decimal amounts as text, coordinates). */
export interface ConvertedRow {
  readonly row: number;
  readonly values: ReadonlyMap<string, string | number>;
  /** The column each value came from. */
  readonly columns: ReadonlyMap<string, string>;
  /** What could not be converted (and what the reader could not read); the row is rejected when there is any. */
  readonly problems: readonly ImportRowProblem[];
}

const ADDRESS_PREFIX = 'address.';

/**
 * Turns a file's row into field values through a column mapping. A field takes the first of its columns that
 * has a value; an address is taken whole from the first address group (business, then home…) that has any
 * part in the row, never mixed. A full name fills the first and last name the row lacks. Conversion problems
 * name the field and what is wrong, never the cell's value.
 */
export class RowConverter {
  private readonly plain: readonly (readonly [ImportField, readonly FieldSource[]])[];
  private readonly address: readonly (readonly [ImportField, readonly FieldSource[]])[];
  /** Address groups, preferred first. */
  private readonly groups: readonly string[];

  constructor(
    private readonly entity: ImportEntityName,
    mapping: ColumnMapping,
  ) {
    const fields = importFieldsOf(entity).flatMap((field) => {
      const sources = mapping.sources.get(field.name);
      return sources ? [[field, sources] as const] : [];
    });
    this.plain = fields.filter(([field]) => !field.name.startsWith(ADDRESS_PREFIX));
    this.address = fields.filter(([field]) => field.name.startsWith(ADDRESS_PREFIX));
    const ranked = new Map<string, number>();
    for (const [, sources] of this.address)
      for (const source of sources)
        ranked.set(source.group ?? 'main', Math.min(ranked.get(source.group ?? 'main') ?? Infinity, source.priority));
    this.groups = [...ranked.entries()].sort((a, b) => a[1] - b[1]).map(([group]) => group);
  }

  /** The column a field is read from first (for problems about a field the row left empty). */
  columnFor(field: string): string | null {
    return [...this.plain, ...this.address].find(([candidate]) => candidate.name === field)?.[1][0]?.column ?? null;
  }

  convert(record: SourceRecord): ConvertedRow {
    const cells = new Map<string, CellValue>();
    for (const cell of record.cells) if (!cells.has(cell.column)) cells.set(cell.column, cell.value);
    const values = new Map<string, string | number>();
    const columns = new Map<string, string>();
    const problems: ImportRowProblem[] = (record.problems ?? []).map((message) => ({ column: null, field: null, message }));
    const take = (field: ImportField, source: FieldSource) => {
      const value = cells.get(source.column);
      if (value === undefined) return false;
      const converted = convertCell(field, value);
      columns.set(field.name, source.column);
      if (typeof converted === 'object')
        problems.push({ column: source.column, field: field.name, message: `${field.name}: ${converted.problem}` });
      else values.set(field.name, converted);
      return true;
    };
    for (const [field, sources] of this.plain) for (const source of sources) if (take(field, source)) break;
    const group = this.groups.find((candidate) =>
      this.address.some(([, sources]) => sources.some((source) => (source.group ?? 'main') === candidate && cells.has(source.column))),
    );
    if (group !== undefined) {
      for (const [field, sources] of this.address)
        for (const source of sources) if ((source.group ?? 'main') === group && take(field, source)) break;
    }
    if (this.entity === 'CONTACT') splitFullName(values, columns);
    return { row: record.row, values, columns, problems };
  }
}

/** Fills the first and last name a row lacks from its full name ("Anna Maria Nowak": first "Anna Maria", last "Nowak"). */
function splitFullName(values: Map<string, string | number>, columns: Map<string, string>): void {
  const full = values.get('fullName');
  values.delete('fullName');
  if (typeof full !== 'string') return;
  const words = full.trim().split(/\s+/u);
  const last = words.pop() ?? '';
  const column = columns.get('fullName')!;
  if (!values.has('lastName') && last !== '') {
    values.set('lastName', last);
    columns.set('lastName', column);
  }
  if (!values.has('firstName') && words.length > 0) {
    values.set('firstName', words.join(' '));
    columns.set('firstName', column);
  }
}

/** A cell as the field's kind, or what is wrong with it. */
function convertCell(field: ImportField, value: CellValue): string | number | { readonly problem: string } {
  switch (field.kind) {
    case 'text':
      return textOf(value);
    case 'integer': {
      if (typeof value === 'number') return Number.isSafeInteger(value) ? value : { problem: 'must be a whole number' };
      const text = textOf(value).replace(/[\s\u00a0\u202f']/gu, '');
      if (/^\d{1,3}([.,]\d{3})+$/u.test(text)) return Number(text.replace(/[.,]/gu, ''));
      return /^\d+$/u.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : { problem: 'must be a whole number' };
    }
    case 'amount':
      return typeof value === 'number' ? amountOf(value) : decimalText(textOf(value));
    case 'coordinate': {
      const number = typeof value === 'number' ? value : Number(textOf(value).trim().replace(',', '.'));
      return Number.isFinite(number) ? number : { problem: 'must be a number in decimal degrees' };
    }
    default:
      return assertNever(field.kind);
  }
}

/** Text as a command takes it: workbook numbers as written, dates as ISO dates (with the time when there is one). */
function textOf(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function amountOf(value: number): string | { readonly problem: string } {
  if (!Number.isFinite(value)) return { problem: 'must be a decimal amount such as 1250.00' };
  const text = String(value);
  return /e/iu.test(text) ? { problem: 'must be a decimal amount such as 1250.00' } : text;
}

/**
 * An amount as written in a file: currency and spaces dropped; "1,250.50", "1.250,50" and "1250,5" read as
 * decimals (the last separator is the decimal one, unless a lone separator is followed by exactly three digits).
 * The command checks the result (non-negative, two decimals).
 */
function decimalText(raw: string): string {
  let text = raw.replace(/[\s\u00a0\u202f']/gu, '').replace(/^(PLN|EUR|USD|GBP|CHF|zł|€|\$|£)|(PLN|EUR|USD|GBP|CHF|zł|€|\$|£)$/giu, '');
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    text = text.replace(decimal === ',' ? /\./gu : /,/gu, '').replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const parts = text.split(separator);
    const thousands = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3 && parts[0]!.length > 0 && parts[0] !== '0');
    text = thousands ? parts.join('') : parts.join('.');
  }
  return text;
}
