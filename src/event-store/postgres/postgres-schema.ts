import type { Pool } from 'pg';

/** Advisory lock keys (two int4 halves) used by the CRM in a PostgreSQL database. */
export const LOCK_SPACE = 0x43524d; // "CRM"
export const LOCKS = {
  /** Serializes appends: the hash chain and global positions then follow commit order. */
  eventChain: 1,
  /** Serializes migrations and read-model preparation across processes starting together. */
  schema: 2,
  /** Serializes read-model rebuilds across processes (held for a whole rebuild, on its own session). */
  rebuild: 3,
} as const;

/**
 * The event store's tables on PostgreSQL, created idempotently (several processes may start at once; the
 * schema lock makes them take turns). `tx_id` records the writing transaction so catch-up readers can wait
 * for transactions still in flight instead of skipping their events.
 */
export async function migratePostgresEventStore(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCKS.schema]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL CHECK (version > 0)
      );
      CREATE SEQUENCE IF NOT EXISTS events_global_position_seq;
      CREATE TABLE IF NOT EXISTS events (
        global_position bigint PRIMARY KEY DEFAULT nextval('events_global_position_seq'),
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        metadata text NOT NULL,
        actor_id text NOT NULL,
        recorded_at text NOT NULL,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX IF NOT EXISTS events_catch_up ON events (tx_id, global_position);
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        actor_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        result text NOT NULL,
        position bigint NOT NULL,
        created_at text NOT NULL,
        PRIMARY KEY (actor_id, key)
      );
      CREATE TABLE IF NOT EXISTS data_keys (
        key_id text PRIMARY KEY,
        subject_id text NOT NULL,
        wrapped text NOT NULL,
        master_key_id text NOT NULL,
        created_at text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS data_keys_subject ON data_keys (subject_id);
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
