import { streamIds } from '../../events';
import type { AccountQuery, AccountQueryVariables, ContactQuery, ContactQueryVariables } from '../generated/operations';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { recordFigures } from './support/figures';
import { dumpAllReadModels } from './support/inspect-crm';
import { tally } from './support/outcomes';
import { CONTENDERS, raceAssociations, raceUpdates } from './support/race-scenarios';

describe.each(TEST_DATABASES)('races on one server over $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it(`lets exactly one of ${CONTENDERS} updates pinned to the same version through; the rest get CONFLICT`, async () => {
    const race = await raceUpdates([server.admin], database.name);

    expect(tally(race.outcomes)).toEqual({ OK: 1, CONFLICT: CONTENDERS - 1 });
    const winner = race.names[race.outcomes.indexOf('OK')]!;
    const { account } = await server.admin.data<AccountQuery, AccountQueryVariables>('Account', { id: race.accountId });
    expect(account).toMatchObject({ name: winner, version: race.versionBefore + 1 });
    const events = await server.crm.store.readStream(streamIds.account(race.accountId));
    expect(events.map((event) => event.type)).toEqual(['AccountCreated', 'AccountUpdated']);
    recordFigures('races: pinned updates', database.name, { processes: 1, contenders: CONTENDERS, outcomes: tally(race.outcomes) });
  });

  it(`links a contact to exactly one of ${CONTENDERS} accounts that claim it at once`, async () => {
    const race = await raceAssociations([server.admin], database.name);

    const counts = tally(race.outcomes);
    expect(counts.OK).toBe(1);
    expect(Object.keys(counts).filter((code) => !['OK', 'CONTACT_ALREADY_ASSOCIATED', 'CONFLICT'].includes(code))).toEqual([]);
    const winner = race.accountIds[race.outcomes.indexOf('OK')]!;
    const { contact } = await server.admin.data<ContactQuery, ContactQueryVariables>('Contact', { id: race.contactId });
    expect(contact?.account?.id).toBe(winner);
    const events = await server.crm.store.readStream(streamIds.contact(race.contactId));
    expect(events.map((event) => event.type)).toEqual(['ContactCreated', 'ContactAssociatedWithAccount']);
    const links = (await dumpAllReadModels(server.crm)).contact_links as { contact_id: string; account_id: string }[];
    expect(links.filter((link) => link.contact_id === race.contactId).map((link) => link.account_id)).toEqual([winner]);
    recordFigures('races: one contact, many accounts', database.name, { processes: 1, contenders: CONTENDERS, outcomes: counts });
  });
});
