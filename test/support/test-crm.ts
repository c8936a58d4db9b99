import { SYSTEM_ACTOR_ID, type JsonValue } from '../../events';
import { openCrm, type Crm, type CrmOptions } from '../../src/app/open-crm';
import type { CommandContext, CommandOutcome } from '../../src/commands/command-handler';
import type { CrmCommands } from '../../src/commands/crm-commands';
import { TEST_DATA_KEY } from './test-secrets';
import type { CreatedDatabase, TestDatabase } from './test-databases';

export interface TestCrm {
  readonly crm: Crm;
  readonly url: string;
  readonly path: string | null;
  /** Runs SQL on the database behind the CRM's back. */
  exec(sqlText: string): Promise<void>;
  /** A registered user (SALES_MANAGER) commands act as by default. */
  readonly userId: string;
  /** Commands as the default user (or the given context). */
  commands(context?: Partial<CommandContext>): CrmCommands;
  /** Registers another user and returns its id. */
  addUser(email: string, name?: string): Promise<string>;
  /** Closes the CRM and reopens it on the same database (a restart). */
  reopen(options?: Partial<CrmOptions>): Promise<TestCrm>;
  /** Closes the CRM and removes the database. */
  dispose(): Promise<void>;
}

/** Opens a CRM on a fresh database with one registered user. */
/**
 * The suites share one PostgreSQL cluster, each in its own database, and a snapshot's xmin is cluster-wide: a
 * long transaction in a parallel suite (an import, a rebuild) holds back every catch-up projector for a while.
 * The tests wait longer for their read models than the server's 5 s so that such a pause is not a failure.
 */
const TEST_DEFAULTS: Partial<CrmOptions> = { readYourWritesTimeoutMs: 30_000 };

export async function openTestCrm(database: TestDatabase, options: Partial<CrmOptions> = {}): Promise<TestCrm> {
  const created = await database.create();
  const crm = await openCrm({ databaseUrl: created.url, dataKey: TEST_DATA_KEY, ...TEST_DEFAULTS, ...options });
  const { result } = await readingYourWrites(crm, crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })).registerUser({
    email: 'manager@example.com',
    name: 'Maria Manager',
    roles: ['SALES_MANAGER'],
  });
  return wrap(crm, created, result.id, options);
}

/**
 * The commands, each answering only once the read models include its change — as the API does — so a
 * test can query right after a command on any database (catch-up projections included).
 */
function readingYourWrites(crm: Crm, commands: CrmCommands): CrmCommands {
  return new Proxy(commands, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'as') return value;
      return async (...args: unknown[]) => {
        const command = value as (...a: unknown[]) => Promise<CommandOutcome<JsonValue>>;
        const outcome = await command.apply(target, args);
        await crm.readYourWrites(outcome.checkpoint);
        return outcome;
      };
    },
  });
}

function wrap(crm: Crm, created: CreatedDatabase, userId: string, options: Partial<CrmOptions>): TestCrm {
  let open = true;
  const self: TestCrm = {
    crm,
    url: created.url,
    path: created.path,
    exec: (sqlText) => created.exec(sqlText),
    userId,
    commands: (context = {}) => readingYourWrites(crm, crm.commands({ actorId: userId, source: 'api', ...context })),
    async addUser(email, name = email.split('@')[0]!) {
      const outcome = await self
        .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
        .registerUser({ email, name, roles: ['SALESPERSON'] });
      return outcome.result.id;
    },
    async reopen(reopenOptions = {}) {
      if (open) await crm.close();
      open = false;
      const reopened = await openCrm({ databaseUrl: created.url, dataKey: TEST_DATA_KEY, ...TEST_DEFAULTS, ...options, ...reopenOptions });
      return wrap(reopened, created, userId, { ...options, ...reopenOptions });
    },
    async dispose() {
      if (open) await crm.close();
      open = false;
      await created.drop();
    },
  };
  return self;
}
