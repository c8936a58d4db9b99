import { Kysely, SqliteDialect, type KyselyConfig, type LogEvent } from 'kysely';
import type { Logger } from 'pino';
import type { ColumnTypes } from '../../projections/column-types';
import { columnTypesFor } from '../../projections/column-types';
import type { ReadModels } from '../../projections/read-models';
import type { DatabaseLocation } from '../config';
import { openSqlite, type SqliteConnections, type SqliteOptions } from '../database/sqlite-connections';
import { sqliteExecutor, withStatementCache } from '../database/statement-cache';
import type { SqlExecutor } from '../../projections/row-writer';
import type { ExclusiveSession } from '../projector/projector';
import { InProcessCoordination, type ProjectorCoordination } from '../projector/coordination';
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
  const queryLog: Pick<KyselyConfig, 'log'> = log ? { log: (event: LogEvent) => log(event.query.sql) } : {};
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
  // Loaded only for PostgreSQL: `pg` and its adapters would add about 15 MB to every SQLite process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const postgres = require('./postgres-read-models') as typeof import('./postgres-read-models');
  return postgres.openPostgresReadModels(location, options, queryLog);
}
