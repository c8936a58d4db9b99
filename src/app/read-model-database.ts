import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import type { Logger } from 'pino';
import type { ColumnTypes } from '../../projections/column-types';
import { columnTypesFor } from '../../projections/column-types';
import type { ReadModels } from '../../projections/read-models';
import type { DatabaseLocation } from '../config';
import { createPostgresPool } from '../database/postgres-pool';
import { openSqlite, type SqliteConnections, type SqliteOptions } from '../database/sqlite-connections';
import { sqliteExecutor, withStatementCache } from '../database/statement-cache';
import type { SqlExecutor } from '../../projections/row-writer';
import { LOCKS, LOCK_SPACE } from '../event-store/postgres/postgres-schema';
import type { ExclusiveSession } from '../projector/projector';
import { InProcessCoordination, type ProjectorCoordination } from '../projector/coordination';
import { PostgresCoordination } from '../projector/postgres-coordination';
import type { ReadModelTransaction } from '../projector/projector';

/** Where the read models live, with what catch-up projectors need there. */
export interface ReadModelDatabase {
  readonly location: DatabaseLocation;
  readonly types: ColumnTypes;
  /** For queries (logged when asked; committed data only). */
  readonly db: Kysely<ReadModels>;
  /** For projection work (never logged). */
  readonly writeDb: Kysely<ReadModels>;
  /** A transaction that also keeps other processes out: preparation and rebuilds. */
  readonly exclusive: ReadModelTransaction;
  /** A transaction for one catch-up batch. */
  readonly batch: ReadModelTransaction;
  /** Runs a rebuild while no other process rebuilds. */
  readonly exclusively: ExclusiveSession;
  readonly coordination: ProjectorCoordination;
  readonly sqlite: SqliteConnections | null;
  /** Runs projection SQL without Kysely's driver, where that is faster (SQLite). */
  readonly execute: SqlExecutor | undefined;
  readonly pool: import('pg').Pool | null;
  close(): Promise<void>;
}

export interface ReadModelOptions {
  readonly onReadQuery?: (sql: string) => void;
  readonly sqlite?: SqliteOptions;
  readonly logger?: Pick<Logger, 'warn'>;
}

export function openReadModelDatabase(location: DatabaseLocation, options: ReadModelOptions): ReadModelDatabase {
  const log = options.onReadQuery;
  const queryLog = log ? { log: (event: LogEvent) => log(event.query.sql) } : {};
  if (location.kind === 'sqlite') {
    const connections = openSqlite(location.path, options.sqlite);
    const writerStatements = withStatementCache(connections.writer);
    const writeDb = new Kysely<ReadModels>({ dialect: new SqliteDialect({ database: writerStatements }) });
    const db = new Kysely<ReadModels>({ dialect: new SqliteDialect({ database: withStatementCache(connections.reader) }), ...queryLog });
    const transaction: ReadModelTransaction = (work) => writeDb.transaction().execute((trx) => work(trx));
    const coordination = new InProcessCoordination();
    return {
      location,
      types: columnTypesFor('sqlite'),
      db,
      writeDb,
      exclusive: transaction,
      batch: transaction,
      // One process owns an SQLite file's read models.
      exclusively: (work) => work(),
      coordination,
      sqlite: connections,
      execute: sqliteExecutor(writerStatements),
      pool: null,
      async close() {
        await coordination.close();
        connections.close();
      },
    };
  }
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
