import { sql, type CreateTableBuilder } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/** What `addColumn` takes as a column type. */
export type ColumnType = Parameters<CreateTableBuilder<string, never>['addColumn']>[1];

/** Column types whose spelling differs between the databases. */
export interface ColumnTypes {
  readonly dialect: SqlDialectName;
  /** A text column compared byte-wise (SQLite's BINARY, PostgreSQL's "C"), so ordering is the same on both. */
  readonly sortKey: ColumnType;
  /** A 64-bit float. */
  readonly float: ColumnType;
  /** A 64-bit integer primary key (SQLite's rowid itself, so no separate index). */
  readonly integerKey: ColumnType;
}

export function columnTypesFor(dialect: SqlDialectName): ColumnTypes {
  return dialect === 'postgres'
    ? { dialect, sortKey: sql`text collate "C"`, float: 'double precision', integerKey: 'bigint' }
    : { dialect, sortKey: 'text', float: 'double precision', integerKey: 'integer' };
}
