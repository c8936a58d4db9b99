import type { AccountsWithSalesRecordsQuery, AccountsWithSalesRecordsQueryVariables } from '../generated/operations';
import { SalesCommands } from '../../src/commands/sales-commands';
import { seedDemoBook } from '../../src/seed/demo-book';
import { seedSalesBook } from '../../src/seed/sales-book';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { readingYourWrites } from '../support/test-sales';

describe.each(TEST_DATABASES)('the cost of a page of accounts with their sales records on $name', (database) => {
  let server: TestServer;
  const statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(database, { onReadQuery: (sql) => statements.push(sql) });
    const context = { actorId: server.adminId, source: 'api' } as const;
    // Each command waits for its change to be projected: the sales book reads the accounts from the read models.
    await seedDemoBook(readingYourWrites(server.crm, server.crm.commands(context)), { accounts: 60, contacts: 240, seed: 5 });
    await seedSalesBook(readingYourWrites(server.crm, new SalesCommands(server.crm.handler, context)), server.crm.db, {
      seed: 5,
      activities: 600,
      now: new Date('2026-03-01T00:00:00.000Z'),
    });
  }, 120_000);
  afterAll(async () => {
    await server.dispose();
  });

  async function statementsFor(first: number): Promise<{ count: number; data: AccountsWithSalesRecordsQuery }> {
    statements.length = 0;
    const data = await server.admin.data<AccountsWithSalesRecordsQuery, AccountsWithSalesRecordsQueryVariables>(
      'AccountsWithSalesRecords',
      {
        first,
        listFirst: 5,
      },
    );
    expect(data.accounts.edges.length).toBe(first);
    return { count: statements.length, data };
  }

  it('costs the same number of SQL statements for 5 accounts as for 50, with all five related lists and their counts', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large.count).toBe(small.count);
    // authentication (1) + page (1) + per list a page and a count (5 × 2) + owners and participants' users (≤ 2)
    // + participants (1) + participants' contacts (1)
    expect(large.count).toBeLessThanOrEqual(17);
    const nodes = large.data.accounts.edges.map((edge) => edge.node);
    // The page really holds related records of every kind (the count would prove little over empty lists).
    expect(nodes.some((node) => node.opportunities.totalCount > 0)).toBe(true);
    expect(nodes.some((node) => node.quotes.totalCount > 0)).toBe(true);
    expect(nodes.some((node) => node.invoices.totalCount > 0)).toBe(true);
    expect(nodes.some((node) => node.activities.edges.some((edge) => edge.node.participants.length > 1))).toBe(true);
  });
});
