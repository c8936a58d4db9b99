import type {
  AccountQuery,
  AccountQueryVariables,
  AccountsQuery,
  AccountsQueryVariables,
  AssociateContactsMutation,
  AssociateContactsMutationVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  DeactivateAccountMutation,
  DeactivateAccountMutationVariables,
  MeQuery,
  NodeQuery,
  NodeQueryVariables,
  UpdateAccountMutation,
  UpdateAccountMutationVariables,
  ContactQuery,
  ContactQueryVariables,
  AssignOwnerMutation,
  AssignOwnerMutationVariables,
  DisassociateContactMutation,
  DisassociateContactMutationVariables,
  ContactsQuery,
  ContactsQueryVariables,
} from '../generated/operations';
import { GraphQLTestClient, startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)('accounts and contacts over GraphQL on $name', (database) => {
  let server: TestServer;
  let api: GraphQLTestClient;
  beforeAll(async () => {
    server = await startTestServer(database);
    api = server.admin;
  });
  afterAll(async () => {
    await server.dispose();
  });

  const createAccount = async (input: CreateAccountMutationVariables['input']) =>
    (await api.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input })).createAccount.account;
  const createContact = async (input: CreateContactMutationVariables['input']) =>
    (await api.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', { input })).createContact.contact;
  const account = async (id: string) => (await api.data<AccountQuery, AccountQueryVariables>('Account', { id })).account;

  it('prints a working administrator token at first start', async () => {
    const token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/mu.exec(server.banner)?.[1];
    expect(token).toBeDefined();
    expect(server.banner).toContain(server.url);
    const me = await new GraphQLTestClient(server.url, token!).data<MeQuery>('Me');
    expect(me.me).toMatchObject({ email: 'admin@example.com', roles: expect.arrayContaining(['ADMINISTRATOR']) as unknown });
  });

  it('creates an account, a contact, links them, and lists the active accounts with their contacts', async () => {
    const created = await createAccount({
      name: 'Przetwórnia Owoców Sad',
      annualRevenue: '2500000.5',
      address: { city: 'Lublin', country: 'Polska' },
    });
    expect(created).toMatchObject({
      name: 'Przetwórnia Owoców Sad',
      annualRevenue: '2500000.50',
      state: 'ACTIVE',
      version: 1,
      owner: { id: server.adminId },
    });
    expect(created.address).toMatchObject({ city: 'Lublin', composite: 'Lublin\nPolska' });
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u);
    const contact = await createContact({ firstName: 'Katarzyna', lastName: 'Wiśniewska', email: 'k.wisniewska@sad.example.pl' });
    expect(contact).toMatchObject({ fullName: 'Katarzyna Wiśniewska', account: null, state: 'ACTIVE' });
    const linked = await api.data<AssociateContactsMutation, AssociateContactsMutationVariables>('AssociateContacts', {
      input: { accountId: created.id, contactIds: [contact.id] },
    });
    expect(linked.associateContacts.contacts).toEqual([{ id: contact.id, account: { id: created.id } }]);
    expect(linked.associateContacts.account.contacts.totalCount).toBe(1);
    const list = await api.data<AccountsQuery, AccountsQueryVariables>('Accounts', { view: 'ACTIVE', search: 'przetwornia' });
    expect(list.accounts.edges.map((edge) => edge.node.name)).toEqual(['Przetwórnia Owoców Sad']);
    expect((await account(created.id))!.contacts.edges.map((edge) => edge.node.fullName)).toEqual(['Katarzyna Wiśniewska']);
  });

  it('hides a deactivated account from ACTIVE, shows it in INACTIVE, keeps it read-only and its contacts active', async () => {
    const acme = await createAccount({ name: 'Deactivation Test Co' });
    const person = await createContact({ firstName: 'Jan', lastName: 'Deaktywowany', accountId: acme.id });
    const deactivated = await api.data<DeactivateAccountMutation, DeactivateAccountMutationVariables>('DeactivateAccount', {
      input: { id: acme.id },
    });
    expect(deactivated.deactivateAccount.account).toMatchObject({ state: 'INACTIVE', version: 2 });
    const names = async (view: AccountsQueryVariables['view']) =>
      (await api.data<AccountsQuery, AccountsQueryVariables>('Accounts', { view, search: 'Deactivation Test' })).accounts.edges.map(
        (e) => e.node.name,
      );
    expect(await names('ACTIVE')).toEqual([]);
    expect(await names('INACTIVE')).toEqual(['Deactivation Test Co']);
    expect(await names('ALL')).toEqual(['Deactivation Test Co']);
    const refused = await api.error<UpdateAccountMutationVariables>('UpdateAccount', { input: { id: acme.id, name: 'Renamed' } });
    expect(refused.extensions.code).toBe('RECORD_INACTIVE');
    expect((await account(acme.id))!).toMatchObject({ name: 'Deactivation Test Co', state: 'INACTIVE' });
    const contact = await api.data<ContactQuery, ContactQueryVariables>('Contact', { id: person.id });
    expect(contact.contact).toMatchObject({ state: 'ACTIVE', account: { id: acme.id } });
    const newContact = await api.error<CreateContactMutationVariables>('CreateContact', {
      input: { firstName: 'A', lastName: 'B', accountId: acme.id },
    });
    expect(newContact.extensions).toMatchObject({ code: 'RECORD_INACTIVE', field: 'accountId' });
  });

  it('refuses to link a contact of another account, naming both, and links none of the others', async () => {
    const contoso = await createAccount({ name: 'Contoso Pharmaceuticals' });
    const fabrikam = await createAccount({ name: 'Fabrikam Inc.' });
    const free = await createContact({ firstName: 'Aiko', lastName: 'Tanaka' });
    const taken = await createContact({ firstName: 'Marcus', lastName: "O'Neill", accountId: fabrikam.id });
    const error = await api.error<AssociateContactsMutationVariables>('AssociateContacts', {
      input: { accountId: contoso.id, contactIds: [free.id, taken.id] },
    });
    expect(error.extensions).toMatchObject({
      code: 'CONTACT_ALREADY_ASSOCIATED',
      contactId: taken.id,
      accountId: fabrikam.id,
      accountName: 'Fabrikam Inc.',
    });
    expect(error.message).toContain("Marcus O'Neill");
    expect(error.message).toContain('Fabrikam Inc.');
    const freeNow = await api.data<ContactQuery, ContactQueryVariables>('Contact', { id: free.id });
    expect(freeNow.contact!.account).toBeNull();
  });

  it('answers CONFLICT to an update at a stale expectedVersion', async () => {
    const created = await createAccount({ name: 'Versioned' });
    await api.data<UpdateAccountMutation, UpdateAccountMutationVariables>('UpdateAccount', {
      input: { id: created.id, expectedVersion: 1, phone: '+48 22 123 45 67' },
    });
    const error = await api.error<UpdateAccountMutationVariables>('UpdateAccount', {
      input: { id: created.id, expectedVersion: 1, phone: '+48 22 000 00 00' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', actualVersion: 2 });
  });

  it('answers a retry with the same idempotency key with the first result and writes no second event', async () => {
    const input = { name: 'Idempotent Ltd', idempotencyKey: 'e2e-create-idempotent' };
    const first = await api.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input });
    const head = await server.crm.store.headPosition();
    const second = await api.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input });
    expect(second.createAccount.account.id).toBe(first.createAccount.account.id);
    expect(second.createAccount.position).toBe(first.createAccount.position);
    expect(await server.crm.store.headPosition()).toBe(head);
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const head = await server.crm.store.headPosition();
    const blank = await api.error<CreateAccountMutationVariables>('CreateAccount', { input: { name: '   ' } });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const several = await api.error<CreateContactMutationVariables>('CreateContact', {
      input: { firstName: '', lastName: 'X', email: 'nope' },
    });
    expect(several.extensions.errors).toEqual([
      { field: 'firstName', message: 'is required and cannot be blank' },
      { field: 'email', message: '"nope" is not a valid e-mail address' },
    ]);
    const float = await api.request('CreateAccount', { input: { name: 'Float Inc', annualRevenue: 0.1 } });
    expect(float.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.crm.store.headPosition()).toBe(head);
  });

  it('resolves any record with node(id)', async () => {
    const created = await createAccount({ name: 'Node Co' });
    const person = await createContact({ firstName: 'Nod', lastName: 'E' });
    const node = async (id: string) => (await api.data<NodeQuery, NodeQueryVariables>('Node', { id })).node;
    expect(await node(created.id)).toMatchObject({ __typename: 'Account', name: 'Node Co' });
    expect(await node(person.id)).toMatchObject({ __typename: 'Contact', fullName: 'Nod E' });
    expect(await node(server.adminId)).toMatchObject({ __typename: 'User', email: 'admin@example.com' });
    expect(await node('00000000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('assigns an owner and lists "my active" records by owner', async () => {
    const other = await server.newUser('owner-e2e@example.com');
    const created = await createAccount({ name: 'Owned By Other' });
    const assigned = await api.data<AssignOwnerMutation, AssignOwnerMutationVariables>('AssignOwner', {
      input: { recordType: 'ACCOUNT', id: created.id, ownerId: other.id },
    });
    expect(assigned.assignOwner.record).toMatchObject({ __typename: 'Account', owner: { id: other.id } });
    const mine = await other.client.data<AccountsQuery, AccountsQueryVariables>('Accounts', { view: 'MY_ACTIVE' });
    expect(mine.accounts.edges.map((edge) => edge.node.name)).toEqual(['Owned By Other']);
  });

  it('unlinks a contact from its account', async () => {
    const created = await createAccount({ name: 'Unlink Co' });
    const person = await createContact({ firstName: 'Un', lastName: 'Link', accountId: created.id });
    const result = await api.data<DisassociateContactMutation, DisassociateContactMutationVariables>('DisassociateContact', {
      input: { contactId: person.id },
    });
    expect(result.disassociateContact.contact.account).toBeNull();
    expect((await account(created.id))!.contacts.totalCount).toBe(0);
  });

  it('pages through contacts with cursors and a total count', async () => {
    const created = await createAccount({ name: 'Paging Co' });
    for (let i = 0; i < 7; i += 1) await createContact({ firstName: `Osoba${i}`, lastName: 'Stronicowana', accountId: created.id });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ContactsQuery = await api.data<ContactsQuery, ContactsQueryVariables>('Contacts', {
        accountId: created.id,
        first: 3,
        after,
      });
      expect(page.contacts.totalCount).toBe(7);
      seen.push(...page.contacts.edges.map((edge) => edge.node.fullName));
      if (!page.contacts.pageInfo.hasNextPage) break;
      after = page.contacts.pageInfo.endCursor;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Osoba${i} Stronicowana`));
    const bad = await api.error<ContactsQueryVariables>('Contacts', { first: 3, after: 'garbage' });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const huge = await api.error<ContactsQueryVariables>('Contacts', { first: 100000 });
    expect(huge.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('keeps everything across a restart', async () => {
    const created = await createAccount({ name: 'Survives Restart' });
    server = await server.restart();
    api = server.admin;
    expect(server.banner).toBe('');
    expect((await account(created.id))!.name).toBe('Survives Restart');
  });
});
