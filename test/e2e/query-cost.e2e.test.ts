import type { AccountsWithContactsQuery, AccountsWithContactsQueryVariables } from '../generated/operations';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { seedDemoBook } from '../../src/seed/demo-book';

describe.each(TEST_DATABASES)('the cost of a list page on $name', (database) => {
  let server: TestServer;
  const statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(database, { onReadQuery: (sql) => statements.push(sql) });
    await seedDemoBook(server.crm.commands({ actorId: server.adminId, source: 'api' }), { accounts: 120, contacts: 600, seed: 3 });
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function statementsFor(variables: AccountsWithContactsQueryVariables): Promise<number> {
    statements.length = 0;
    const data = await server.admin.data<AccountsWithContactsQuery, AccountsWithContactsQueryVariables>('AccountsWithContacts', variables);
    expect(data.accounts.edges.length).toBe(variables.first);
    return statements.length;
  }

  it('costs the same number of SQL statements for 5 accounts as for 50, contacts and owners included', async () => {
    const small = await statementsFor({ first: 5, contactsFirst: 10 });
    const large = await statementsFor({ first: 50, contactsFirst: 10 });
    expect(large).toBe(small);
    // authentication (1) + page (1) + count (1) + owners (1) + primary contacts/parents (≤2) + contacts page (1) + contact counts (1) + contact owners/accounts (≤2)
    expect(large).toBeLessThanOrEqual(10);
  });

  it('does not load the page’s accounts again for their contacts’ `account`', async () => {
    statements.length = 0;
    const data = await server.admin.data<AccountsWithContactsQuery, AccountsWithContactsQueryVariables>('AccountsWithContacts', {
      first: 50,
      contactsFirst: 10,
    });
    const onPage = new Set(data.accounts.edges.map((edge) => edge.node.id));
    const linked = data.accounts.edges.flatMap((edge) => edge.node.contacts.edges.map((contact) => contact.node.account?.id));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((id) => id !== undefined && onPage.has(id))).toBe(true);
    // Only accounts off the page (parents) may still be looked up by id.
    const parents = data.accounts.edges.flatMap((edge) => (edge.node.parentAccount ? [edge.node.parentAccount.id] : []));
    const lookups = statements.filter((sql) => /from "accounts" where "id" in/u.test(sql));
    expect(lookups.length).toBe(parents.some((id) => !onPage.has(id)) ? 1 : 0);
  });
});
