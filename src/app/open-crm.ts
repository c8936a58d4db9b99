import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import type { Logger } from 'pino';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { columnTypesFor } from '../../projections/column-types';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import { CommandHandler, type CommandContext } from '../commands/command-handler';
import { CrmCommands } from '../commands/crm-commands';
import { StateCache } from '../commands/state-cache';
import { parseDatabaseUrl } from '../config';
import { createPostgresPool } from '../database/postgres-pool';
import { openSqlite, type SqliteOptions } from '../database/sqlite-connections';
import { withStatementCache } from '../database/statement-cache';
import type { CatchUpCheckpoint, EventStore } from '../event-store/event-store';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { LOCKS, LOCK_SPACE, migratePostgresEventStore } from '../event-store/postgres/postgres-schema';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { CatchUpProjector } from '../projector/catch-up-projector';
import { PostgresCoordination } from '../projector/postgres-coordination';
import { ProjectionProgress } from '../projector/projection-progress';
import { Projector, type ProjectorProgress, type ReadModelTransaction } from '../projector/projector';
import { systemClock, type Clock } from '../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../shared/ids';

export interface CrmOptions {
  /** `sqlite:<path>` or `postgres://…`: where events and read models live. */
  readonly databaseUrl: string;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly sqlite?: SqliteOptions;
  /** Called for every read-model query (tests count statements with it). */
  readonly onReadQuery?: (sql: string) => void;
  /** Rebuild and catch-up progress at start-up. */
  readonly onProgress?: (progress: ProjectorProgress) => void;
  /** The read models to maintain (all of them by default). */
  readonly projections?: readonly Projection[];
  /** How long a mutation waits for the read models to include its change (catch-up projections), in ms. */
  readonly readYourWritesTimeoutMs?: number;
  /** Whether this process runs catch-up projectors (PostgreSQL; default true). */
  readonly runProjectors?: boolean;
  readonly logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
}

/** How far a projection is behind the event store. */
export interface ProjectionLag {
  readonly projection: string;
  readonly position: number;
  readonly head: number;
  readonly lag: number;
}

/** A running CRM: the event store, the read models, the command side. Servers, the CLI and tests open one. */
export interface Crm {
  readonly kind: 'sqlite' | 'postgres';
  readonly store: EventStore;
  /** The read models, as queries see them (committed data only). */
  readonly db: Kysely<ReadModels>;
  readonly handler: CommandHandler;
  readonly projector: Projector;
  readonly clock: Clock;
  /** The commands, issued by the given actor. */
  commands(context: CommandContext): CrmCommands;
  /** Resolves once the read models include the change at `checkpoint`. */
  readYourWrites(checkpoint: CatchUpCheckpoint): Promise<void>;
  /** How far each projection is behind the event store. */
  lag(): Promise<ProjectionLag[]>;
  /** Replays the events into fresh read-model tables (all projections, or the named ones). */
  rebuild(names?: readonly string[], onProgress?: (progress: ProjectorProgress) => void): Promise<void>;
  /** Lets in-flight writes finish, then closes the database. */
  close(): Promise<void>;
}

/** Default bound on a read-your-writes wait. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

export async function openCrm(options: CrmOptions): Promise<Crm> {
  const location = parseDatabaseUrl(options.databaseUrl);
  return location.kind === 'sqlite' ? openSqliteCrm(location.path, options) : openPostgresCrm(location.url, options);
}

/** SQLite: one file, one writer; projections applied inline, in the append's transaction. */
async function openSqliteCrm(path: string, options: CrmOptions): Promise<Crm> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const connections = openSqlite(path, options.sqlite);
  const writeDb = new Kysely<ReadModels>({ dialect: new SqliteDialect({ database: withStatementCache(connections.writer) }) });
  const readDb = new Kysely<ReadModels>({
    dialect: new SqliteDialect({ database: withStatementCache(connections.reader) }),
    ...queryLog(options),
  });
  const store = new SqliteEventStore(connections.writer, connections.reader, { clock, ids });
  const projector = new Projector(options.projections ?? ALL_PROJECTIONS, columnTypesFor('sqlite'));
  const transaction: ReadModelTransaction = (work) => store.runExclusive(() => work(writeDb));
  try {
    await projector.prepare(store, transaction, { catchUp: true, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    connections.close();
    throw error;
  }
  store.setHook(projector.hook(writeDb));
  const handler = new CommandHandler(store, { clock, ids, cache: new StateCache() });
  let closed = false;
  return {
    kind: 'sqlite',
    store,
    db: readDb,
    handler,
    projector,
    clock,
    commands: (context) => new CrmCommands(handler, context),
    // Inline projections commit with the events: once an append is acknowledged, its read models are too.
    readYourWrites: () => Promise.resolve(),
    lag: async () => {
      const head = await store.headPosition();
      const checkpoints = await projector.checkpoints(readDb);
      return projector.names.map((name) => lagOf(name, checkpoints.get(name)?.checkpoint.position ?? 0, head));
    },
    rebuild: (names, onProgress) => projector.rebuild(store, transaction, names, onProgress).then(() => handler.cache.clear()),
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
      connections.close();
    },
  };
}

/**
 * PostgreSQL: events and read models in one database, several processes sharing it. Projections run as
 * catch-up projectors (one active per projection across processes); a mutation answers once the read
 * models include its change.
 */
async function openPostgresCrm(url: string, options: CrmOptions): Promise<Crm> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const pool = createPostgresPool(url, {}, (error) => options.logger?.warn({ err: error }, 'an idle PostgreSQL session failed'));
  // Queries (logged when asked) and projection work (never logged) share the pool.
  const db = new Kysely<ReadModels>({ dialect: new PostgresDialect({ pool }), ...queryLog(options) });
  const writeDb = new Kysely<ReadModels>({ dialect: new PostgresDialect({ pool }) });
  const coordination = new PostgresCoordination({ connectionString: url });
  try {
    await migratePostgresEventStore(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const store = new PostgresEventStore(pool, { clock, ids });
  const projector = new Projector(options.projections ?? ALL_PROJECTIONS, columnTypesFor('postgres'));
  // Preparation and rebuilds take the schema lock, so processes starting together take turns.
  const exclusive: ReadModelTransaction = (work) =>
    writeDb.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${LOCKS.schema})`.execute(trx);
      return work(trx);
    });
  const batchTransaction: ReadModelTransaction = (work) => writeDb.transaction().execute((trx) => work(trx));
  const progress = new ProjectionProgress(projector.names, async () => {
    const stored = await projector.checkpoints(writeDb);
    return new Map([...stored].map(([name, value]) => [name, value.checkpoint]));
  });
  let catchUp: CatchUpProjector | null = null;
  let stopProgress = () => undefined as unknown;
  try {
    await projector.prepare(store, exclusive, { catchUp: false, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    await progress.refresh();
    stopProgress = coordination.onProgress((name, checkpoint) => progress.update(name, checkpoint));
    if (options.runProjectors ?? true) {
      catchUp = new CatchUpProjector(
        store,
        projector,
        batchTransaction,
        coordination,
        progress,
        options.logger ? { logger: options.logger } : {},
      );
      catchUp.start();
    }
  } catch (error) {
    await coordination.close();
    await pool.end().catch(() => undefined);
    throw error;
  }
  const handler = new CommandHandler(store, { clock, ids, cache: new StateCache() });
  const timeout = options.readYourWritesTimeoutMs ?? READ_YOUR_WRITES_TIMEOUT_MS;
  let closed = false;
  return {
    kind: 'postgres',
    store,
    db,
    handler,
    projector,
    clock,
    commands: (context) => new CrmCommands(handler, context),
    readYourWrites: (checkpoint) => progress.waitFor(checkpoint, timeout),
    lag: async () => {
      const head = await store.headPosition();
      await progress.refresh();
      return projector.names.map((name) => lagOf(name, progress.checkpointOf(name).position, head));
    },
    async rebuild(names, onProgress) {
      await projector.rebuild(store, exclusive, names, onProgress);
      handler.cache.clear();
      await progress.refresh();
    },
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
      await catchUp?.stop();
      stopProgress();
      progress.close();
      await coordination.close();
      // Both Kysely instances share the pool: end it once, directly.
      await pool.end();
    },
  };
}

function lagOf(projection: string, position: number, head: number): ProjectionLag {
  return { projection, position, head, lag: Math.max(0, head - position) };
}

function queryLog(options: CrmOptions): { log?: (event: LogEvent) => void } {
  const onReadQuery = options.onReadQuery;
  return onReadQuery ? { log: (event: LogEvent) => onReadQuery(event.query.sql) } : {};
}
