import { CompiledQuery, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ReadModels } from './read-models';

/** A read-model table whose rows are keyed by an `id` column. */
export type KeyedTable = { [T in keyof ReadModels]: ReadModels[T] extends { id: string } ? T : never }[keyof ReadModels];

/**
 * What projection handlers write with: rows by id. The same handler runs against SQL (inline and catch-up
 * projections, through Kysely, so it is portable) and against memory (rebuilds, which fold every event into
 * rows first and write each table once at the end).
 */
export interface RowWriter {
  /** Adds a row; a row with the same id already there is an error, as in SQL. */
  insert<T extends KeyedTable>(table: T, row: Insertable<ReadModels[T]>): Promise<void>;
  /** Changes the given columns of a row; nothing happens when there is no such row. */
  update<T extends KeyedTable>(table: T, id: string, set: Updateable<ReadModels[T]>): Promise<void>;
  /** The given columns of a row, or undefined. */
  get<T extends KeyedTable, C extends keyof Selectable<ReadModels[T]> & string>(
    table: T,
    id: string,
    columns: readonly C[],
  ): Promise<Pick<Selectable<ReadModels[T]>, C> | undefined>;
}

type Row = Record<string, unknown>;

/** Runs compiled SQL with parameters and returns the rows (an adapter may run it without Kysely's driver). */
export type SqlExecutor = (sql: string, parameters: readonly unknown[]) => Promise<readonly unknown[]>;

/**
 * Writes through Kysely, compiling each statement shape (table, operation, columns) once and reusing the SQL:
 * a projection's handful of shapes then cost a parameter bind each instead of a query build and compile.
 * The shapes are shared by every writer of one dialect; `execute` runs the SQL (Kysely's driver by default).
 */
export class SqlRowWriter implements RowWriter {
  private readonly execute: SqlExecutor;

  constructor(
    private readonly db: Kysely<ReadModels>,
    private readonly compiled = new Map<string, string>(),
    execute?: SqlExecutor,
  ) {
    this.execute = execute ?? (async (sql, parameters) => (await db.executeQuery(CompiledQuery.raw(sql, [...parameters]))).rows);
  }

  async insert<T extends KeyedTable>(table: T, row: Insertable<ReadModels[T]>): Promise<void> {
    const columns = Object.keys(row);
    const sql = this.shape(`${table}|insert|${columns.join(',')}`, () => this.db.insertInto(table).values(row).compile());
    await this.execute(sql, Object.values(row));
  }

  async update<T extends KeyedTable>(table: T, id: string, set: Updateable<ReadModels[T]>): Promise<void> {
    const columns = Object.keys(set);
    // Compiled for any keyed table: the statement's shape, not its row type, is what is cached.
    const name: KeyedTable = table;
    const sql = this.shape(`${table}|update|${columns.join(',')}`, () =>
      this.db
        .updateTable(name)
        .set(set as never)
        .where('id', '=', id)
        .compile(),
    );
    await this.execute(sql, [...Object.values(set as Row), id]);
  }

  async get<T extends KeyedTable, C extends keyof Selectable<ReadModels[T]> & string>(
    table: T,
    id: string,
    columns: readonly C[],
  ): Promise<Pick<Selectable<ReadModels[T]>, C> | undefined> {
    const name: KeyedTable = table;
    const sql = this.shape(`${table}|get|${columns.join(',')}`, () =>
      this.db
        .selectFrom(name)
        .select(columns as never)
        .where('id', '=', id)
        .compile(),
    );
    const rows = await this.execute(sql, [id]);
    return rows[0] as Pick<Selectable<ReadModels[T]>, C> | undefined;
  }

  private shape(key: string, compile: () => { readonly sql: string }): string {
    let sql = this.compiled.get(key);
    if (sql === undefined) {
      sql = compile().sql;
      this.compiled.set(key, sql);
    }
    return sql;
  }
}

/** Rows held in memory while a rebuild folds the events, then written table by table. */
export class MemoryRowWriter implements RowWriter {
  private readonly tables = new Map<KeyedTable, Map<string, Row>>();

  insert<T extends KeyedTable>(table: T, row: Insertable<ReadModels[T]>): Promise<void> {
    const rows = this.rowsOf(table);
    const id = (row as Row).id as string;
    if (rows.has(id)) return Promise.reject(new Error(`Duplicate id ${id} in ${table}`));
    rows.set(id, { ...(row as Row) });
    return Promise.resolve();
  }

  update<T extends KeyedTable>(table: T, id: string, set: Updateable<ReadModels[T]>): Promise<void> {
    const row = this.rowsOf(table).get(id);
    if (row) Object.assign(row, set);
    return Promise.resolve();
  }

  get<T extends KeyedTable, C extends keyof Selectable<ReadModels[T]> & string>(
    table: T,
    id: string,
    columns: readonly C[],
  ): Promise<Pick<Selectable<ReadModels[T]>, C> | undefined> {
    const row = this.rowsOf(table).get(id);
    if (!row) return Promise.resolve(undefined);
    return Promise.resolve(Object.fromEntries(columns.map((column) => [column, row[column]])) as Pick<Selectable<ReadModels[T]>, C>);
  }

  /**
   * Writes every row held, in the order the rows were first inserted: many rows per statement, the statement
   * compiled once per table (and once more for the last, shorter chunk).
   */
  async flush(db: Kysely<ReadModels>): Promise<void> {
    for (const [table, rows] of this.tables) {
      const all = [...rows.values()];
      if (all.length === 0) continue;
      const columns = [...new Set(all.flatMap((row) => Object.keys(row)))];
      // Stay well under the bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
      const size = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
      const statements = new Map<number, string>();
      for (let start = 0; start < all.length; start += size) {
        const chunk = all.slice(start, start + size);
        let sql = statements.get(chunk.length);
        if (sql === undefined) {
          const placeholders = chunk.map(() => Object.fromEntries(columns.map((column) => [column, null])));
          sql = db
            .insertInto(table)
            .values(placeholders as never)
            .compile().sql;
          statements.set(chunk.length, sql);
        }
        await db.executeQuery(
          CompiledQuery.raw(
            sql,
            chunk.flatMap((row) => columns.map((column) => row[column] ?? null)),
          ),
        );
      }
    }
    this.tables.clear();
  }

  private rowsOf(table: KeyedTable): Map<string, Row> {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    return rows;
  }
}
