import { Kysely, PostgresDialect, sql, type KyselyConfig } from 'kysely';
import { columnTypesFor } from '../../projections/column-types';
import type { ReadModels } from '../../projections/read-models';
import type { DatabaseLocation } from '../config';
import { createPostgresPool } from '../database/postgres-pool';
import { LOCKS, LOCK_SPACE } from '../event-store/postgres/postgres-schema';
import { PostgresCoordination } from '../projector/postgres-coordination';
import type { ReadModelDatabase, ReadModelOptions } from './read-model-database';

/** The read models in PostgreSQL: one pool for queries and projection work, advisory locks for schema changes and rebuilds. */
export function openPostgresReadModels(
  location: Extract<DatabaseLocation, { kind: 'postgres' }>,
  options: ReadModelOptions,
  queryLog: Pick<KyselyConfig, 'log'>,
): ReadModelDatabase {
  const pool = createPostgresPool(location.url, {}, (error) => options.logger?.warn({ err: error }, 'an idle PostgreSQL session failed'));
  // Queries (logged when asked) and projection work (never logged) share the pool.
  const db = new Kysely<ReadModels>({ dialect: new PostgresDialect({ pool }), ...queryLog });
  const writeDb = new Kysely<ReadModels>({ dialect: new PostgresDialect({ pool }) });
  const coordination = new PostgresCoordination({ connectionString: location.url });
  return {
    location,
    types: columnTypesFor('postgres'),
    db,
    writeDb,
    // Preparation and rebuilds take the schema lock, so processes starting together take turns.
    exclusive: (work) =>
      writeDb.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${LOCKS.schema})`.execute(trx);
        return work(trx);
      }),
    batch: (work) => writeDb.transaction().execute((trx) => work(trx)),
    async exclusively(work) {
      const session = await pool.connect();
      try {
        await session.query('select pg_advisory_lock($1, $2)', [LOCK_SPACE, LOCKS.rebuild]);
        try {
          return await work();
        } finally {
          await session.query('select pg_advisory_unlock($1, $2)', [LOCK_SPACE, LOCKS.rebuild]);
        }
      } finally {
        session.release();
      }
    },
    coordination,
    sqlite: null,
    execute: undefined,
    pool,
    async close() {
      await coordination.close();
      // Both Kysely instances share the pool: end it once, directly.
      await pool.end();
    },
  };
}
