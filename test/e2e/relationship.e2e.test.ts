import { streamIds } from '../../events';
import { SalesCommands, type LogActivityRequest } from '../../src/commands/sales-commands';
import type {
  AccountRelationshipQuery,
  AccountRelationshipQueryVariables,
  AccountsByHealthQuery,
  AccountsByHealthQueryVariables,
  ContactIntroductionsQuery,
  ContactIntroductionsQueryVariables,
  ContactsByHealthQuery,
  ContactsByHealthQueryVariables,
} from '../generated/operations';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { readingYourWrites } from '../support/test-sales';

const DAY = 86_400_000;
/** An instant `days` days before now (negative: ahead). */
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(TEST_DATABASES)('relationship analytics over GraphQL on $name', (database) => {
  let server: TestServer;
  const statements: string[] = [];
  let alpha: string;
  let beta: string;
  let eva: string;
  const users: Record<'recent' | 'old' | 'shy', { id: string }> = {} as never;

  const commands = () => server.crm.commands({ actorId: server.adminId, source: 'api' });
  const log = async (request: Omit<LogActivityRequest, 'subject'>) => {
    const sales = readingYourWrites(server.crm, new SalesCommands(server.crm.handler, { actorId: server.adminId, source: 'api' }));
    return (await sales.logActivity({ subject: 'x', ...request })).result.id;
  };
  /** `pairs` e-mails each way between a user and Eva, `days` days ago. */
  const correspond = async (userId: string, pairs: number, days: number) => {
    for (let i = 0; i < pairs; i++) {
      for (const direction of ['OUTGOING', 'INCOMING'] as const) {
        await log({
          type: 'EMAIL',
          direction,
          occurredAt: ago(days),
          regardingContactId: eva,
          participants: [{ userId }, { contactId: eva }],
        });
      }
    }
  };

  beforeAll(async () => {
    server = await startTestServer(database, { onReadQuery: (sql) => statements.push(sql) });
    alpha = (await commands().createAccount({ name: 'Alpha' })).result.id;
    beta = (await commands().createAccount({ name: 'Beta' })).result.id;
    await commands().createAccount({ name: 'Gamma' });
    eva = (await commands().createContact({ firstName: 'Eva', lastName: 'Nowak', accountId: alpha })).result.id;
    for (const name of ['recent', 'old', 'shy'] as const) users[name] = await server.newUser(`${name}@example.com`);
    await log({ type: 'PHONE_CALL', direction: 'INCOMING', durationMinutes: 20, occurredAt: ago(2), regardingAccountId: alpha });
    await log({ type: 'APPOINTMENT', durationMinutes: 45, occurredAt: ago(-3), regardingAccountId: alpha });
    await log({ type: 'EMAIL', direction: 'OUTGOING', occurredAt: ago(40), regardingAccountId: beta });
    await correspond(users.old.id, 2, 300);
    await correspond(users.recent.id, 2, 5);
    await correspond(users.shy.id, 3, 4);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('answers an account’s relationship figures, with a daily breakdown of the requested days', async () => {
    const data = await server.admin.data<AccountRelationshipQuery, AccountRelationshipQueryVariables>('AccountRelationship', {
      id: alpha,
      days: 7,
    });
    const relationship = data.account!.relationship;
    // Eva's ten e-mails count for her account too.
    expect(relationship).toMatchObject({ emailsSent: 7, emailsReceived: 7, phoneCallsReceived: 1, appointments: 0, healthLevel: 'GOOD' });
    expect(relationship.timeSpentByUsMinutes).toBe(7 * 5 + 7 * 2.5 + 20);
    expect(new Date(relationship.nextInteraction!).getTime()).toBeGreaterThan(Date.now());
    expect(relationship.activityBreakdown).toHaveLength(7);
    expect(relationship.activityBreakdown.reduce((sum, day) => sum + day.emails, 0)).toBe(10);
    expect(relationship.activityBreakdown.reduce((sum, day) => sum + day.phoneCalls, 0)).toBe(1);
    expect(relationship.factors.length).toBeGreaterThan(0);
  });

  it('ranks who knows a contact: frequent and recent above old, and leaves out a user who opted out', async () => {
    const introductions = async (first?: number) =>
      (await server.admin.data<ContactIntroductionsQuery, ContactIntroductionsQueryVariables>('ContactIntroductions', { id: eva, first }))
        .contact!.introductions;
    expect((await introductions()).map((introduction) => [introduction.user.name, introduction.interactions])).toEqual([
      ['shy', 6],
      ['recent', 4],
      ['old', 4],
    ]);
    const shy = await server.clientFor(users.shy.id);
    await shy.data('SetIntroductionsOptOut', { optOut: true });
    expect((await introductions()).map((introduction) => introduction.user.name)).toEqual(['recent', 'old']);
    expect((await introductions(1)).map((introduction) => introduction.user.name)).toEqual(['recent']);
    const [event] = (await server.crm.store.readStream(streamIds.user(users.shy.id))).filter(
      (recorded) => recorded.type === 'UserIntroductionsPreferenceSet',
    );
    expect(event).toMatchObject({ data: { userId: users.shy.id, optedOut: true }, metadata: { actorId: users.shy.id } });
    await shy.data('SetIntroductionsOptOut', { optOut: false });
    expect((await introductions()).map((introduction) => introduction.user.name)).toEqual(['shy', 'recent', 'old']);
  });

  it('orders accounts and contacts by HEALTH_SCORE_DESC across pages, never-contacted last', async () => {
    const names: string[] = [];
    const scores: (number | null)[] = [];
    let after: string | null = null;
    do {
      const page: AccountsByHealthQuery = await server.admin.data<AccountsByHealthQuery, AccountsByHealthQueryVariables>(
        'AccountsByHealth',
        {
          first: 1,
          after,
        },
      );
      for (const edge of page.accounts.edges) {
        names.push(edge.node.name);
        scores.push(edge.node.relationship.healthScore);
      }
      after = page.accounts.pageInfo.hasNextPage ? page.accounts.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
    expect(scores[2]).toBeNull();
    const contacts = await server.admin.data<ContactsByHealthQuery, ContactsByHealthQueryVariables>('ContactsByHealth', { first: 5 });
    expect(contacts.contacts.edges.map((edge) => edge.node.id)).toEqual([eva]);
  });

  it('refuses a cursor of another ordering', async () => {
    const error = await server.admin.error('AccountsByHealth', { first: 1, after: 'bm90LWEtY3Vyc29y' });
    expect(error.message).toMatch(/cursor/u);
  });

  it('costs the same number of SQL statements for 5 accounts with their relationship as for 50', async () => {
    for (let i = 0; i < 50; i++) {
      const id = (await commands().createAccount({ name: `Account ${String(i).padStart(2, '0')}` })).result.id;
      if (i % 3 === 0) await log({ type: 'EMAIL', direction: 'INCOMING', occurredAt: ago(i), regardingAccountId: id });
    }
    const cost = async (first: number) => {
      statements.length = 0;
      const data = await server.admin.data<AccountsByHealthQuery, AccountsByHealthQueryVariables>('AccountsByHealth', { first });
      expect(data.accounts.edges).toHaveLength(first);
      return statements.length;
    };
    const small = await cost(5);
    expect(await cost(50)).toBe(small);
    // authentication (1) + page (1) + count (1) + daily buckets (1) + contact instants (1)
    expect(small).toBeLessThanOrEqual(5);
  });
});
