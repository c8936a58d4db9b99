import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** A cursor that does not decode, or belongs to another ordering. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('The cursor is not valid for this list and ordering: start again without `after`');
  }
}

export type CursorValue = string | number;

/** How a list is ordered: columns compared left to right (the last one unique, e.g. `id`), one direction. */
export interface Ordering<Column extends string = string> {
  readonly key: string;
  readonly columns: readonly Column[];
  readonly direction: 'asc' | 'desc';
}

/** An opaque cursor: the ordering's key and the row's values of the ordering columns. */
export function encodeCursor(ordering: Ordering, row: Readonly<Record<string, unknown>>): string {
  const values = ordering.columns.map((column) => row[column] as CursorValue);
  return Buffer.from(JSON.stringify([ordering.key, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(ordering: Ordering, cursor: string): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(decoded) ||
    decoded[0] !== ordering.key ||
    decoded.length !== ordering.columns.length + 1 ||
    !decoded.slice(1).every((value) => typeof value === 'string' || typeof value === 'number')
  ) {
    throw new InvalidCursorError();
  }
  return decoded.slice(1) as CursorValue[];
}

/** `(c1, c2, …) > (v1, v2, …)` (or `<` descending): the rows after the cursor, with the index's help. */
export function afterCursor(ordering: Ordering, values: readonly CursorValue[], table?: string): RawBuilder<SqlBool> {
  const refs = ordering.columns.map((column) => sql.ref(table ? `${table}.${column}` : column));
  const op = ordering.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<SqlBool>`(${sql.join(refs)}) ${op} (${sql.join(values.map((value) => sql.val(value)))})`;
}

/** A page of rows: `first` of them, and whether more follow. */
export interface Page<Row> {
  readonly rows: Row[];
  readonly hasNextPage: boolean;
}

/** Cuts the `first + 1` rows a page query fetched down to `first`, noting whether there were more. */
export function toPage<Row>(rows: Row[], first: number): Page<Row> {
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500;
