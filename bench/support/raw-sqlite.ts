import Database from 'better-sqlite3';
import { migrateSqliteEventStore } from '../../src/event-store/sqlite/sqlite-schema';
import { nowMs } from './timing';

/** A row of the events table, every column as stored. */
export interface EventRow {
  readonly global_position: number;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly actor_id: string;
  readonly recorded_at: string;
  readonly hash: string;
}

/** Rows of a CRM database's events table after `after`, in global order (what a benchmark phase wrote). */
export function readEventRows(path: string, after: number, limit: number): EventRow[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?').all(after, limit) as EventRow[];
  } finally {
    db.close();
  }
}

/**
 * The write baseline: raw better-sqlite3 inserting `rows` into a table like ours (the same schema and
 * indexes), one BEGIN IMMEDIATE / INSERT / COMMIT per row, WAL with synchronous=FULL like ours. Returns ms.
 */
export function insertRowsOnePerTransaction(path: string, rows: readonly EventRow[]): number {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrateSqliteEventStore(db);
    const insert = db.prepare(
      'INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, actor_id, recorded_at, hash) ' +
        'VALUES (@global_position, @event_id, @stream_id, @stream_version, @type, @schema_version, @data, @metadata, @actor_id, @recorded_at, @hash)',
    );
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    const started = nowMs();
    for (const row of rows) {
      begin.run();
      insert.run(row);
      commit.run();
    }
    return nowMs() - started;
  } finally {
    db.close();
  }
}

/**
 * The replay baseline: raw better-sqlite3 reading every event in global order and JSON-parsing its data and
 * metadata, nothing else. Returns the row count and the ms it took.
 */
export function readAndParseAllEvents(path: string): { readonly count: number; readonly ms: number } {
  const db = new Database(path, { readonly: true });
  try {
    const select = db.prepare(
      'SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at FROM events ORDER BY global_position',
    );
    const started = nowMs();
    let count = 0;
    let checksum = 0;
    for (const row of select.iterate() as IterableIterator<{ data: string; metadata: string }>) {
      const data = JSON.parse(row.data) as object;
      const metadata = JSON.parse(row.metadata) as object;
      if (data && metadata) checksum += 1;
      count += 1;
    }
    const ms = nowMs() - started;
    if (checksum !== count) throw new Error('unparsed rows');
    return { count, ms };
  } finally {
    db.close();
  }
}
