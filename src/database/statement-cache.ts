import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Gives Kysely's SQLite driver prepared statements from a cache instead of preparing each query anew
 * (preparing costs more than running a simple statement). Closing is left to the connection's owner.
 */
export function withStatementCache(db: Database.Database, capacity = 1000): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close() {
      cache.clear();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Runs SQL on a cached statement, synchronously: what projections use on SQLite's writer connection. */
export function sqliteExecutor(database: SqliteDatabase): (sql: string, parameters: readonly unknown[]) => Promise<readonly unknown[]> {
  return (sql, parameters) => {
    const statement = database.prepare(sql);
    if (statement.reader) return Promise.resolve(statement.all(parameters));
    statement.run(parameters);
    return Promise.resolve([]);
  };
}
