import { streamIds } from '../../events';
import type { CreateAccountMutation, CreateAccountMutationVariables } from '../generated/operations';
import { GraphQLTestClient } from '../support/graphql-client';
import type { ServerProcess } from '../support/server-process';
import { POSTGRES_AVAILABLE, postgresDatabase, temporaryDir, type CreatedDatabase } from '../support/test-databases';
import { bannerToken, crmEnv, startServerChild } from './support/cli-process';
import { recordFigures } from './support/figures';
import { readModelsAndRebuild, streamsWithGaps, withInspector } from './support/inspect-crm';
import { outcomeOf, tally } from './support/outcomes';
import { CONTENDERS, raceAssociations, raceUpdates } from './support/race-scenarios';

const describeOnPostgres = POSTGRES_AVAILABLE ? describe : describe.skip;

describeOnPostgres('races between two server processes sharing one PostgreSQL database', () => {
  let database: CreatedDatabase;
  const dirs: { remove(): void }[] = [];
  const servers: ServerProcess[] = [];
  let clients: GraphQLTestClient[];
  beforeAll(async () => {
    database = await postgresDatabase.create();
    const launch = async () => {
      const dir = temporaryDir('crm-race-');
      dirs.push(dir);
      const server = await startServerChild(crmEnv(database.url), dir.path);
      servers.push(server);
      return server;
    };
    const first = await launch();
    const second = await launch();
    const token = bannerToken(first.stdout());
    clients = [new GraphQLTestClient(first.url, token), new GraphQLTestClient(second.url, token)];
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database?.drop();
    for (const dir of dirs) dir.remove();
  });

  it(`lets exactly one of ${CONTENDERS} pinned updates through across the processes`, async () => {
    const race = await raceUpdates(clients, 'two processes');

    expect(tally(race.outcomes)).toEqual({ OK: 1, CONFLICT: CONTENDERS - 1 });
    await withInspector(database.url, async (crm) => {
      const events = await crm.store.readStream(streamIds.account(race.accountId));
      expect(events.map((event) => event.type)).toEqual(['AccountCreated', 'AccountUpdated']);
      expect(events[1]!.data).toMatchObject({ name: race.names[race.outcomes.indexOf('OK')] });
    });
    recordFigures('races: pinned updates', 'postgres', { processes: 2, contenders: CONTENDERS, outcomes: tally(race.outcomes) });
  });

  it(`links a contact to exactly one of ${CONTENDERS} accounts claiming it through both processes`, async () => {
    const race = await raceAssociations(clients, 'two processes');

    const counts = tally(race.outcomes);
    expect(counts.OK).toBe(1);
    expect(Object.keys(counts).filter((code) => !['OK', 'CONTACT_ALREADY_ASSOCIATED', 'CONFLICT'].includes(code))).toEqual([]);
    await withInspector(database.url, async (crm) => {
      const events = await crm.store.readStream(streamIds.contact(race.contactId));
      expect(events.map((event) => event.type)).toEqual(['ContactCreated', 'ContactAssociatedWithAccount']);
      const row = await crm.db.selectFrom('contacts').select('account_id').where('id', '=', race.contactId).executeTakeFirstOrThrow();
      expect(row.account_id).toBe(race.accountIds[race.outcomes.indexOf('OK')]);
    });
    recordFigures('races: one contact, many accounts', 'postgres', { processes: 2, contenders: CONTENDERS, outcomes: counts });
  });

  it('creates one account when the same idempotent request reaches both processes at once', async () => {
    const attempts = 10;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const input = { name: `Retried through another process ${attempt}`, idempotencyKey: `cross-process-${attempt}` };
      const responses = await Promise.all(
        clients.map((client) => client.request<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input })),
      );
      expect(responses.map(outcomeOf)).toEqual(['OK', 'OK']);
      const [one, two] = responses.map((response) => response.data!.createAccount);
      expect(two!.account.id).toBe(one!.account.id);
      expect(two!.position).toBe(one!.position);
    }
    await withInspector(database.url, async (crm) => {
      const accounts = await crm.db
        .selectFrom('accounts')
        .select('id')
        .where('name', 'like', 'Retried through another process %')
        .execute();
      expect(accounts).toHaveLength(attempts);
    });
  });

  it('ends with read models equal to a rebuild, contiguous versions and an intact hash chain', async () => {
    await withInspector(database.url, async (crm) => {
      expect(await streamsWithGaps(crm)).toEqual([]);
      const { live, rebuilt } = await readModelsAndRebuild(crm);
      expect(rebuilt).toEqual(live);
      expect(await crm.store.verify()).toMatchObject({ ok: true });
    });
  });
});
