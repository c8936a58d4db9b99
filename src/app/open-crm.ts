import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { columnTypesFor } from '../../projections/column-types';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import { CommandHandler, type CommandContext } from '../commands/command-handler';
import { CrmCommands } from '../commands/crm-commands';
import { StateCache } from '../commands/state-cache';
import { parseDatabaseUrl } from '../config';
import { openSqlite, type SqliteOptions } from '../database/sqlite-connections';
import { withStatementCache } from '../database/statement-cache';
import type { EventStore } from '../event-store/event-store';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { Projector, type ProjectorProgress, type ReadModelTransaction } from '../projector/projector';
import { systemClock, type Clock } from '../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../shared/ids';

export interface CrmOptions {
  /** `sqlite:<path>` (PostgreSQL comes with the scale-out work). */
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
}

/** A running CRM: the event store, the read models, the command side. Servers, the CLI and tests open one. */
export interface Crm {
  readonly store: EventStore;
  /** The read models, as queries see them (committed data only). */
  readonly db: Kysely<ReadModels>;
  readonly handler: CommandHandler;
  readonly projector: Projector;
  readonly clock: Clock;
  /** The commands, issued by the given actor. */
  commands(context: CommandContext): CrmCommands;
  /** Resolves once the read models include `position`. */
  readYourWrites(position: number): Promise<void>;
  /** Replays the events into fresh read-model tables (all projections, or the named ones). */
  rebuild(names?: readonly string[], onProgress?: (progress: ProjectorProgress) => void): Promise<void>;
  /** Lets in-flight writes finish, then closes the database. */
  close(): Promise<void>;
}

export async function openCrm(options: CrmOptions): Promise<Crm> {
  const location = parseDatabaseUrl(options.databaseUrl);
  if (location.kind !== 'sqlite') throw new Error('PostgreSQL is not supported by this build yet');
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidV7Ids;
  const connections = openSqlite(location.path, options.sqlite);
  const writeDb = new Kysely<ReadModels>({ dialect: new SqliteDialect({ database: withStatementCache(connections.writer) }) });
  const onReadQuery = options.onReadQuery;
  const readDb = new Kysely<ReadModels>({
    dialect: new SqliteDialect({ database: withStatementCache(connections.reader) }),
    ...(onReadQuery ? { log: (event: LogEvent) => onReadQuery(event.query.sql) } : {}),
  });
  const store = new SqliteEventStore(connections.writer, connections.reader, { clock, ids });
  const projector = new Projector(options.projections ?? ALL_PROJECTIONS, columnTypesFor('sqlite'));
  const transaction: ReadModelTransaction = (work) => store.runExclusive(() => work(writeDb));
  try {
    await projector.prepare(store, transaction, options.onProgress);
  } catch (error) {
    connections.close();
    throw error;
  }
  store.setHook(projector.hook(writeDb));
  const handler = new CommandHandler(store, { clock, ids, cache: new StateCache() });
  let closed = false;
  return {
    store,
    db: readDb,
    handler,
    projector,
    clock,
    commands: (context) => new CrmCommands(handler, context),
    // Inline projections commit with the events: once an append is acknowledged, its read models are too.
    readYourWrites: () => Promise.resolve(),
    rebuild: (names, onProgress) => projector.rebuild(store, transaction, names, onProgress).then(() => handler.cache.clear()),
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
      connections.close();
    },
  };
}
