import { sql } from 'kysely';
import { Client } from 'pg';
import { CATCH_UP_START, type CatchUpCheckpoint } from '../../src/event-store/event-store';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { openCrm } from '../../src/app/open-crm';
import { createPostgresPool } from '../../src/database/postgres-pool';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { migratePostgresEventStore } from '../../src/event-store/postgres/postgres-schema';
import type {
  AccountQuery,
  AccountQueryVariables,
  AssociateContactsMutation,
  AssociateContactsMutationVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  UpdateAccountMutation,
  UpdateAccountMutationVariables,
} from '../generated/operations';
import { dumpReadModels } from '../support/dump-read-models';
import { GraphQLTestClient } from '../support/graphql-client';
import { TEST_DATA_KEY } from '../support/test-secrets';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { POSTGRES_AVAILABLE, postgresDatabase, temporaryDir, type CreatedDatabase } from '../support/test-databases';

const describeOnPostgres = POSTGRES_AVAILABLE ? describe : describe.skip;
const SECRET = 'scale-out-test-secret-scale-out-test-secret';

function accountCreated(id: string, name: string) {
  return JSON.stringify({
    accountId: id,
    ownerId: '01900000-0000-7000-8000-000000000001',
    name,
    accountNumber: null,
    phone: null,
    email: null,
    website: null,
    industry: null,
    annualRevenue: null,
    numberOfEmployees: null,
    description: null,
    address: null,
    parentAccountId: null,
    primaryContactId: null,
  });
}

/** Inserts an AccountCreated row the way an adapter would, in the client's open transaction. */
async function insertAccountEvent(client: Client, id: string, name: string): Promise<number> {
  const { rows } = await client.query<{ global_position: string }>(
    `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, actor_id, recorded_at, hash)
     VALUES (gen_random_uuid(), $1, 1, 'AccountCreated', 1, $2, $3, 'test', '2026-01-01T00:00:00.000Z', 'x') RETURNING global_position`,
    [
      `account-${id}`,
      accountCreated(id, name),
      JSON.stringify({ actorId: 'test', commandId: 'c', correlationId: 'c', causationId: null, source: 'api' }),
    ],
  );
  return Number(rows[0]!.global_position);
}

/**
 * The next catch-up batch once it holds anything. Transaction ids are cluster-wide: a transaction of another
 * test or process anywhere on the server holds the snapshot's xmin back for a moment, and catch-up rightly waits.
 */
async function readOnceVisible(store: PostgresEventStore, after: CatchUpCheckpoint) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const batch = await store.readCatchUp(after, 10);
    if (batch.events.length > 0 || Date.now() > deadline) return batch;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeOnPostgres('PostgreSQL catch-up reading', () => {
  let database: CreatedDatabase;
  let store: PostgresEventStore;
  let pool: ReturnType<typeof createPostgresPool>;
  const clients: Client[] = [];
  beforeEach(async () => {
    database = await postgresDatabase.create();
    pool = createPostgresPool(database.url);
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => undefined);
    await store.close();
    await pool.end();
    await database.drop();
  });
  async function connect(): Promise<Client> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  }
  const ids = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

  it('waits for a transaction that took a lower position and commits later, then delivers both in commit order', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    const positionA = await insertAccountEvent(a, ids(1), 'A');
    await b.query('BEGIN');
    const positionB = await insertAccountEvent(b, ids(2), 'B');
    expect(positionB).toBe(positionA + 1);
    await b.query('COMMIT');
    // B is committed, but A (a lower position) is still in flight: nothing may be delivered past it.
    expect((await store.readCatchUp(CATCH_UP_START, 10)).events).toEqual([]);
    await a.query('COMMIT');
    const batch = await readOnceVisible(store, CATCH_UP_START);
    expect(batch.events.map((event) => event.globalPosition)).toEqual([positionA, positionB]);
  });

  it('never skips an event whose transaction started first but took its position after a checkpoint was taken', async () => {
    const a = await connect();
    const b = await connect();
    await b.query('BEGIN');
    await b.query('SELECT pg_current_xact_id()'); // B's transaction id comes first …
    await a.query('BEGIN');
    const positionA = await insertAccountEvent(a, ids(3), 'A'); // … but A takes the lower position
    const positionB = await insertAccountEvent(b, ids(4), 'B');
    await b.query('COMMIT');
    const first = await readOnceVisible(store, CATCH_UP_START);
    expect(first.events.map((event) => event.globalPosition)).toEqual([positionB]);
    await a.query('COMMIT');
    // A position-only checkpoint (after B's position) would now skip A forever.
    const second = await readOnceVisible(store, first.checkpoint);
    expect(second.events.map((event) => event.globalPosition)).toEqual([positionA]);
  });

  it('moves past the hole a rolled-back transaction leaves', async () => {
    const a = await connect();
    await a.query('BEGIN');
    const hole = await insertAccountEvent(a, ids(5), 'rolled back');
    await a.query('ROLLBACK');
    await store.append({
      streams: [{ streamId: `account-${ids(6)}`, expectedVersion: 'no-stream', events: [] }],
      metadata: { actorId: 'test', commandId: 'c', correlationId: 'c', causationId: null, source: 'api' },
    });
    const b = await connect();
    const after = await insertAccountEvent(b, ids(7), 'after the hole');
    expect(after).toBeGreaterThan(hole);
    const batch = await readOnceVisible(store, CATCH_UP_START);
    expect(batch.events.map((event) => event.globalPosition)).toEqual([after]);
  });

  it('projects events committed out of position order exactly once', async () => {
    const crm = await openCrm({ databaseUrl: database.url });
    try {
      const a = await connect();
      const b = await connect();
      await b.query('BEGIN');
      await b.query('SELECT pg_current_xact_id()');
      await a.query('BEGIN');
      await insertAccountEvent(a, ids(8), 'Late');
      await insertAccountEvent(b, ids(9), 'Early');
      await b.query('COMMIT');
      await crm.settle();
      await a.query('COMMIT');
      await crm.settle();
      const names = (await crm.db.selectFrom('accounts').select('name').orderBy('name').execute()).map((row) => row.name);
      expect(names).toEqual(['Early', 'Late']);
    } finally {
      await crm.close();
    }
  });
});

describeOnPostgres('several server processes on one PostgreSQL database', () => {
  let database: CreatedDatabase;
  const dirs: { remove(): void }[] = [];
  const servers: ServerProcess[] = [];
  let first: ServerProcess;
  let second: ServerProcess;
  let token: string;
  beforeAll(async () => {
    database = await postgresDatabase.create();
    first = await launch();
    // The first process registered the administrator and printed its token.
    token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/mu.exec(first.stdout())![1]!;
    second = await launch();
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database.drop();
    for (const dir of dirs) dir.remove();
  });

  async function launch(): Promise<ServerProcess> {
    const dir = temporaryDir('crm-scale-');
    dirs.push(dir);
    // Every process of one CRM shares its secrets: the token key and the master key of people's data keys.
    const server = await startServerProcess({ DATABASE_URL: database.url, JWT_SECRET: SECRET, DATA_KEY: TEST_DATA_KEY }, dir.path);
    servers.push(server);
    return server;
  }

  it('serves interleaved mutations from two processes, each answering with its change, and ends equal to a rebuild', async () => {
    const one = new GraphQLTestClient(first.url, token);
    const two = new GraphQLTestClient(second.url, token);
    const clients = [one, two];

    const accounts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const data = await clients[i % 2]!.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
          input: { name: `Scale ${i}` },
        });
        return data.createAccount.account.id;
      }),
    );
    const contacts = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const data = await clients[(i + 1) % 2]!.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
          input: { firstName: 'Osoba', lastName: `Numer ${i}` },
        });
        return data.createContact.contact.id;
      }),
    );
    // Link through the other process than the one that created them; each answer already shows the link.
    await Promise.all(
      accounts.map(async (accountId, i) => {
        const data = await clients[i % 2]!.data<AssociateContactsMutation, AssociateContactsMutationVariables>('AssociateContacts', {
          input: { accountId, contactIds: [contacts[2 * i]!, contacts[2 * i + 1]!] },
        });
        expect(data.associateContacts.account.contacts.totalCount).toBe(2);
      }),
    );
    await Promise.all(
      accounts.map((id, i) =>
        clients[(i + 1) % 2]!.data<UpdateAccountMutation, UpdateAccountMutationVariables>('UpdateAccount', {
          input: { id, industry: `Industry ${i % 3}` },
        }),
      ),
    );
    const seen = await two.data<AccountQuery, AccountQueryVariables>('Account', { id: accounts[0]! });
    expect(seen.account).toMatchObject({ industry: 'Industry 0', contacts: { totalCount: 2 } });
    const base = second.url.replace(/\/graphql$/u, '');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const { projections } = (await ready.json()) as { projections: { projection: string; lag: number }[] };
    expect(projections.map((projection) => projection.projection).sort()).toEqual(
      ALL_PROJECTIONS.map((projection) => projection.name).sort(),
    );
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/crm_projection_lag\{projection="accounts"\} \d+/u);

    const inspector = await openCrm({ databaseUrl: database.url, dataKey: TEST_DATA_KEY, runProjectors: false });
    try {
      await inspector.settle(10_000);
      const live = await dumpReadModels(inspector);
      expect(live.accounts).toHaveLength(20);
      // Every event exactly once: the administrator (2), 20 accounts, 40 contacts, 40 links, 20 updates.
      const counts = await sql<{ events: number; ids: number; slots: number }>`
        select count(*)::int as events, count(distinct event_id)::int as ids, count(distinct (stream_id, stream_version))::int as slots from events`.execute(
        inspector.db,
      );
      expect(counts.rows[0]).toEqual({ events: 122, ids: 122, slots: 122 });
      await inspector.rebuild();
      expect(await dumpReadModels(inspector)).toEqual(live);
      expect(await inspector.store.verify()).toMatchObject({ ok: true });
    } finally {
      await inspector.close();
    }
  });

  it('hands projection to the other process within seconds when the holder is killed', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    const holders = async () =>
      (
        await admin.query<{ application_name: string }>(
          `SELECT DISTINCT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND a.application_name LIKE 'crm:%:coordination'`,
        )
      ).rows.map((row) => Number(row.application_name.split(':')[1]));
    try {
      const before = await holders();
      expect(before).toHaveLength(1);
      const holderPid = before[0]!;
      const holder = [first, second].find((server) => server.pid === holderPid)!;
      const survivor = holder === first ? second : first;
      await holder.kill();
      const started = Date.now();
      const created = await new GraphQLTestClient(survivor.url, token).data<CreateAccountMutation, CreateAccountMutationVariables>(
        'CreateAccount',
        {
          input: { name: 'After the takeover' },
        },
      );
      expect(created.createAccount.account.name).toBe('After the takeover');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await holders()).toEqual([survivor.pid]);
    } finally {
      await admin.end();
    }
  });
});
