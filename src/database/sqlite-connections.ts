import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One SQLite file opened twice: a writer connection (events and read-model writes, one transaction at a time)
 * and a reader connection that only ever sees committed data (WAL lets it read while the writer writes).
 */
export interface SqliteConnections {
  readonly path: string;
  readonly writer: Database.Database;
  readonly reader: Database.Database;
  close(): void;
}

export interface SqliteOptions {
  /** `FULL` (default) makes every commit durable on power loss; `NORMAL` only on process crash. */
  readonly synchronous?: 'FULL' | 'NORMAL' | 'OFF';
  /** How long to wait for another process's write lock before failing, in ms. */
  readonly busyTimeoutMs?: number;
}

export function openSqlite(path: string, options: SqliteOptions = {}): SqliteConnections {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const busy = options.busyTimeoutMs ?? 5000;
  const writer = new Database(path);
  writer.pragma('journal_mode = WAL');
  writer.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  writer.pragma(`busy_timeout = ${busy}`);
  writer.pragma('foreign_keys = OFF');
  // A larger page cache (64 MiB) keeps the indexes hot for appends and projections.
  writer.pragma('cache_size = -65536');
  // Deleted and overwritten content is zeroed, so erased personal data does not linger in free space.
  writer.pragma('secure_delete = ON');
  const reader = path === ':memory:' ? writer : new Database(path, { readonly: false });
  reader.pragma(`busy_timeout = ${busy}`);
  reader.pragma('query_only = 1');
  reader.pragma('cache_size = -32768');
  return {
    path,
    writer,
    reader,
    close() {
      if (reader !== writer) reader.close();
      // A clean close checkpoints the WAL back into the main file.
      writer.close();
    },
  };
}
