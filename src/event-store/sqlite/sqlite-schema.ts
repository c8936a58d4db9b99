import type Database from 'better-sqlite3';

/**
 * The event store's tables on SQLite. `global_position` is the rowid (AUTOINCREMENT: never reused), and with
 * one writer at a time it is also commit order, so a reader that saw position n has seen everything before it.
 */
export function migrateSqliteEventStore(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL,
      stream_version INTEGER NOT NULL,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (stream_id, stream_version)
    );
    CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor_id TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      result TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (actor_id, key)
    );
    -- Clustered on the key id (time-ordered): a new key is one entry at the end of the table, plus its subject's.
    CREATE TABLE IF NOT EXISTS data_keys (
      key_id TEXT PRIMARY KEY,
      subject_id TEXT NOT NULL,
      wrapped TEXT NOT NULL,
      master_key_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS data_keys_subject ON data_keys (subject_id);
  `);
}
