import { HistoryService } from '../history/history-service';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import type { AddressProvider } from '../addresses/address-provider';
import { OfflineAddressProvider } from '../addresses/offline/offline-address-provider';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import { CommandHandler, type CommandContext } from '../commands/command-handler';
import { CrmCommands } from '../commands/crm-commands';
import { StateCache } from '../commands/state-cache';
import { ConfigError, parseDatabaseUrl } from '../config';
import type { SqliteOptions } from '../database/sqlite-connections';
import type { CatchUpCheckpoint, EventStore } from '../event-store/event-store';
import { isKurrentDbUrl } from '../event-store/kurrentdb/kurrentdb-connection-string';
import { MasterKey } from '../event-store/personal-data/master-key';
import { PersonalDataVault } from '../event-store/personal-data/personal-data-vault';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { CatchUpProjector } from '../projector/catch-up-projector';
import { ProjectionProgress } from '../projector/projection-progress';
import { Projector, type ProjectorProgress, type ReadModelTransaction } from '../projector/projector';
import { systemClock, type Clock } from '../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../shared/ids';
import { announcingAppends } from './announcing-event-store';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';

export interface CrmOptions {
  /** `sqlite:<path>` or `postgres://…`: where the read models (and, by default, the events) live. */
  readonly databaseUrl: string;
  /** Where the events live when not in `databaseUrl`: `postgres://…` or `kurrentdb://…`. */
  readonly eventStoreUrl?: string;
  /**
   * Base64 of the 32-byte master key that wraps people's data keys: personal data is then stored encrypted
   * per person (crypto-shredding). Without it, events are stored as they are.
   */
  readonly dataKey?: string;
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
  /** Whether this process runs catch-up projectors (default true). */
  readonly runProjectors?: boolean;
  readonly logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
  /** Where address suggestions come from (the offline index by default). */
  readonly addressProvider?: AddressProvider;
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
  /** How read models are kept: in the append's transaction, or by catch-up projectors. */
  readonly projection: 'inline' | 'catch-up';
  readonly store: EventStore;
  /** The read models, as queries see them (committed data only). */
  readonly db: Kysely<ReadModels>;
  readonly handler: CommandHandler;
  readonly projector: Projector;
  /** History, time travel, the audit log and its verification. */
  readonly history: HistoryService;
  readonly clock: Clock;
  /** Where address suggestions come from. */
  readonly addresses: AddressProvider;
  /** The commands, issued by the given actor. */
  commands(context: CommandContext): CrmCommands;
  /** Resolves once the read models include the change at `checkpoint`. */
  readYourWrites(checkpoint: CatchUpCheckpoint): Promise<void>;
  /** How far each projection is behind the event store. */
  lag(): Promise<ProjectionLag[]>;
  /** Resolves once the read models include every event appended so far (at once with inline projections). */
  settle(timeoutMs?: number): Promise<void>;
  /** Replays the events into fresh read-model tables (all projections, or the named ones). */
  rebuild(names?: readonly string[], onProgress?: (progress: ProjectorProgress) => void): Promise<void>;
  /**
   * Makes personal data that was just erased unrecoverable from the database files too (SQLite: zeroed free
   * space and a truncated write-ahead log; PostgreSQL: a VACUUM of the read-model tables that hold such data).
   */
  scrub(): Promise<void>;
  /** Lets in-flight writes finish, then closes the databases. */
  close(): Promise<void>;
}

/** Default bound on a read-your-writes wait. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Opens the CRM the URLs describe:
 * - SQLite (events and read models in one file): projections inline, in the append's transaction;
 * - PostgreSQL events, or KurrentDB events (`eventStoreUrl`): catch-up projectors into the read-model database.
 */
export async function openCrm(options: CrmOptions): Promise<Crm> {
  const readModelLocation = parseDatabaseUrl(options.databaseUrl);
  const eventsUrl = options.eventStoreUrl ?? options.databaseUrl;
  const readModels = openReadModelDatabase(readModelLocation, options);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const vault = options.dataKey === undefined ? undefined : new PersonalDataVault(MasterKey.fromBase64(options.dataKey));
  try {
    if (isKurrentDbUrl(eventsUrl)) {
      if (vault)
        throw new ConfigError(
          'Encrypted personal data (DATA_KEY) is not available with KurrentDB events yet: its keys need a transactional store',
        );
      // Loaded only for KurrentDB: its client (gRPC) would add about 30 MB to every other process.
      type KurrentDbModule = typeof import('../event-store/kurrentdb/kurrentdb-event-store');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const kurrentDb = require('../event-store/kurrentdb/kurrentdb-event-store') as KurrentDbModule;
      const store = await kurrentDb.openKurrentDbEventStore(eventsUrl, { clock, ids });
      return await openCatchUpCrm(
        announcingAppends(store, () => readModels.coordination.announceAppended()),
        readModels,
        options,
      );
    }
    const events = parseDatabaseUrl(eventsUrl);
    if (events.kind === 'sqlite') {
      if (readModels.sqlite === null || readModelLocation.kind !== 'sqlite' || readModelLocation.path !== events.path) {
        throw new ConfigError(
          'SQLite events keep their read models in the same file: leave EVENT_STORE_URL unset, or use postgres:// or kurrentdb://',
        );
      }
      return await openInlineCrm(readModels, options, vault);
    }
    // Loaded only for PostgreSQL events (see openReadModelDatabase).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const postgres = require('./postgres-events') as typeof import('./postgres-events');
    const sharesPool = readModels.pool !== null && readModelLocation.kind === 'postgres' && readModelLocation.url === events.url;
    const pool = sharesPool ? readModels.pool : postgres.createPostgresPool(events.url);
    await postgres.migratePostgresEventStore(pool);
    const store = new postgres.PostgresEventStore(pool, { clock, ids, ...(vault ? { vault } : {}) });
    await store.checkMasterKey();
    // PostgreSQL announces its appends itself, to listeners in its own database.
    return await openCatchUpCrm(
      sharesPool ? store : announcingAppends(store, () => readModels.coordination.announceAppended()),
      readModels,
      options,
      sharesPool ? undefined : () => pool.end(),
    );
  } catch (error) {
    await readModels.close().catch(() => undefined);
    throw error;
  }
}

/** SQLite: one file, one writer; projections applied inline, in the append's transaction. */
async function openInlineCrm(readModels: ReadModelDatabase, options: CrmOptions, vault: PersonalDataVault | undefined): Promise<Crm> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const connections = readModels.sqlite!;
  const store = new SqliteEventStore(connections.writer, connections.reader, { clock, ids, ...(vault ? { vault } : {}) });
  await store.checkMasterKey();
  const projector = new Projector(options.projections ?? ALL_PROJECTIONS, readModels.types, readModels.execute);
  const transaction: ReadModelTransaction = (work) => store.runExclusive(() => work(readModels.writeDb));
  await projector.prepare(store, transaction, { catchUp: true, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  store.setHook(projector.hook(readModels.writeDb));
  const handler = new CommandHandler(store, { clock, ids, cache: new StateCache() });
  let closed = false;
  return {
    projection: 'inline',
    store,
    db: readModels.db,
    handler,
    projector,
    history: new HistoryService(store, readModels.db),
    clock,
    addresses: options.addressProvider ?? new OfflineAddressProvider(),
    commands: (context) => new CrmCommands(handler, context),
    // Inline projections commit with the events: once an append is acknowledged, its read models are too.
    readYourWrites: () => Promise.resolve(),
    lag: async () => {
      const head = await store.headPosition();
      const checkpoints = await projector.checkpoints(readModels.db);
      return projector.names.map((name) => lagOf(name, checkpoints.get(name)?.checkpoint.position ?? 0, head));
    },
    settle: () => Promise.resolve(),
    scrub: () => store.scrub(),
    rebuild: (names, onProgress) => projector.rebuild(store, transaction, names, onProgress).then(() => handler.cache.clear()),
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
      await readModels.close();
    },
  };
}

/**
 * Events in PostgreSQL or KurrentDB: catch-up projectors (one active per projection across processes)
 * keep the read models, and a mutation answers once they include its change.
 */
async function openCatchUpCrm(
  store: EventStore,
  readModels: ReadModelDatabase,
  options: CrmOptions,
  closeEvents?: () => Promise<void>,
): Promise<Crm> {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const projector = new Projector(options.projections ?? ALL_PROJECTIONS, readModels.types, readModels.execute);
  const progress = new ProjectionProgress(projector.names, async () => {
    const stored = await projector.checkpoints(readModels.writeDb);
    return new Map([...stored].map(([name, value]) => [name, value.checkpoint]));
  });
  await projector.prepare(store, readModels.exclusive, {
    catchUp: false,
    exclusively: readModels.exclusively,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await progress.refresh();
  const stopProgress = readModels.coordination.onProgress((name, checkpoint) => progress.update(name, checkpoint));
  const catchUp =
    options.runProjectors === false
      ? null
      : new CatchUpProjector(
          store,
          projector,
          readModels.batch,
          readModels.coordination,
          progress,
          options.logger ? { logger: options.logger } : {},
        );
  catchUp?.start();
  const handler = new CommandHandler(store, { clock, ids, cache: new StateCache() });
  const timeout = options.readYourWritesTimeoutMs ?? READ_YOUR_WRITES_TIMEOUT_MS;
  let closed = false;
  const crm: Crm = {
    projection: 'catch-up',
    store,
    db: readModels.db,
    handler,
    projector,
    history: new HistoryService(store, readModels.db),
    clock,
    addresses: options.addressProvider ?? new OfflineAddressProvider(),
    commands: (context) => new CrmCommands(handler, context),
    readYourWrites: (checkpoint) => progress.waitFor(checkpoint, timeout),
    lag: async () => {
      const head = await store.headPosition();
      await progress.refresh();
      return projector.names.map((name) => lagOf(name, progress.checkpointOf(name).position, head));
    },
    async settle(timeoutMs = timeout) {
      await progress.waitFor(await store.headCheckpoint(), timeoutMs);
    },
    async scrub() {
      const tables = projector.projections.filter((projection) => projection.holdsPersonalData).flatMap((projection) => projection.tables);
      if (readModels.sqlite) {
        readModels.sqlite.writer.pragma('wal_checkpoint(TRUNCATE)');
        return;
      }
      // VACUUM cannot run in a transaction: each table on its own statement.
      for (const table of tables) await sql`vacuum ${sql.table(table)}`.execute(readModels.writeDb);
    },
    async rebuild(names, onProgress) {
      await projector.rebuild(store, readModels.exclusive, names, onProgress, readModels.exclusively);
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
      await closeEvents?.();
      await readModels.close();
    },
  };
  return crm;
}

function lagOf(projection: string, position: number, head: number): ProjectionLag {
  return { projection, position, head, lag: Math.max(0, head - position) };
}
