import { accountProjection } from '../../projections/account/account.projection';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { ManualClock } from '../../src/shared/clock';
import type {
  AccountAsOfQuery,
  AccountAsOfQueryVariables,
  AccountHistoryQuery,
  AccountHistoryQueryVariables,
  AccountsQuery,
  AccountsQueryVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  AuditLogQuery,
  AuditLogQueryVariables,
  ContactAsOfQuery,
  ContactAsOfQueryVariables,
  ContactHistoryQuery,
  ContactHistoryQueryVariables,
  VerifyAuditTrailQuery,
} from '../generated/operations';
import { type GraphQLTestClient, startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

/** The changes of an entry as `field: from → to`, for compact expectations. */
function changesOf(entry: Entry): Record<string, [unknown, unknown]> {
  return Object.fromEntries(entry.changes.map((change) => [change.field, [change.from, change.to]]));
}

async function registerAs(server: TestServer, email: string, roles: ('AUDITOR' | 'SALESPERSON' | 'SALES_MANAGER')[]) {
  const outcome = await server.crm
    .commands({ actorId: server.adminId, source: 'api' })
    .registerUser({ email, name: email.split('@')[0]!, roles });
  await server.crm.readYourWrites(outcome.checkpoint);
  return { id: outcome.result.id, client: await server.clientFor(outcome.result.id) };
}

describe.each(TEST_DATABASES)('auditors on $name', (database) => {
  let server: TestServer;
  const clock = new ManualClock(new Date(Date.now() - 3_600_000));
  let auditor: GraphQLTestClient;
  let ola: { id: string; client: GraphQLTestClient };
  let kari: { id: string; client: GraphQLTestClient };
  const at: Record<string, Date> = {};
  let accountId: string;
  let contactId: string;

  /** Moves the clock a minute on, runs a step, and notes the instant just after it. */
  async function stepAt<T>(name: string, work: () => Promise<T>): Promise<T> {
    clock.advance(60_000);
    const result = await work();
    at[name] = new Date(clock.now().getTime() + 30_000);
    return result;
  }

  beforeAll(async () => {
    server = await startTestServer(database, { clock });
    auditor = (await registerAs(server, 'audit@example.com', ['AUDITOR'])).client;
    ola = await registerAs(server, 'ola@example.com', ['SALES_MANAGER']);
    kari = await registerAs(server, 'kari@example.com', ['SALES_MANAGER']);
    at.beforeAll = new Date(clock.now().getTime() + 30_000);
    accountId = await stepAt('created', async () => {
      const data = await ola.client.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
        input: { name: 'Fabrikam', phone: '+47 22 00 00 00', address: { city: 'Oslo', country: 'Norway' } },
      });
      return data.createAccount.account.id;
    });
    await stepAt('renamed', () => ola.client.data('UpdateAccount', { input: { id: accountId, name: 'Fabrikam AS', phone: null } }));
    contactId = await stepAt('contactCreated', async () => {
      const data = await ola.client.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
        input: { firstName: 'Nora', lastName: 'Berg', email: 'nora.berg@fabrikam.example' },
      });
      return data.createContact.contact.id;
    });
    await stepAt('associated', () => ola.client.data('AssociateContacts', { input: { accountId, contactIds: [contactId] } }));
    await stepAt('deactivated', () => kari.client.data('DeactivateAccount', { input: { id: accountId } }));
    await stepAt('activated', () => kari.client.data('ActivateAccount', { input: { id: accountId } }));
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('shows an account’s history newest first: each step with its changes, actor and command', async () => {
    const { account } = await auditor.data<AccountHistoryQuery, AccountHistoryQueryVariables>('AccountHistory', { id: accountId });
    const entries = account!.history.edges.map((edge) => edge.node);
    expect(account!.history.totalCount).toBe(5);
    expect(entries.map((entry) => [entry.eventType, entry.recordType, entry.actor?.id])).toEqual([
      ['AccountActivated', 'ACCOUNT', kari.id],
      ['AccountDeactivated', 'ACCOUNT', kari.id],
      ['ContactAssociatedWithAccount', 'CONTACT', ola.id],
      ['AccountUpdated', 'ACCOUNT', ola.id],
      ['AccountCreated', 'ACCOUNT', ola.id],
    ]);
    const [activated, deactivated, associated, updated, created] = entries as [Entry, Entry, Entry, Entry, Entry];
    expect(changesOf(created)).toMatchObject({
      name: [null, 'Fabrikam'],
      phone: [null, '+47 22 00 00 00'],
      'address.city': [null, 'Oslo'],
      'address.country': [null, 'Norway'],
      ownerId: [null, ola.id],
      state: [null, 'ACTIVE'],
    });
    // Creation lists only the fields it set.
    expect(changesOf(created)).not.toHaveProperty('website');
    expect(changesOf(updated)).toEqual({ name: ['Fabrikam', 'Fabrikam AS'], phone: ['+47 22 00 00 00', null] });
    expect(associated.recordId).toBe(contactId);
    expect(changesOf(associated)).toEqual({ accountId: [null, accountId] });
    expect(changesOf(deactivated)).toEqual({ state: ['ACTIVE', 'INACTIVE'] });
    expect(changesOf(activated)).toEqual({ state: ['INACTIVE', 'ACTIVE'] });
    expect(entries.map((entry) => entry.version)).toEqual([4, 3, 2, 2, 1]);
    expect(created.source).toBe('api');
    expect(created.commandId).toEqual(expect.any(String));
    expect(new Date(created.occurredAt).getTime()).toBeLessThan(at.created!.getTime());
    expect(created.data).toMatchObject({ accountId, name: 'Fabrikam' });
  });

  it('pages through a history with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: AccountHistoryQuery = await auditor.data<AccountHistoryQuery, AccountHistoryQueryVariables>('AccountHistory', {
        id: accountId,
        first: 2,
        after,
      });
      seen.push(...page.account!.history.edges.map((edge) => edge.node.eventType));
      if (!page.account!.history.pageInfo.hasNextPage) break;
      after = page.account!.history.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(['AccountActivated', 'AccountDeactivated', 'ContactAssociatedWithAccount', 'AccountUpdated', 'AccountCreated']);
  });

  it('reads an account as it was: before it existed, before and after the rename, with the contacts linked then', async () => {
    const asOf = (instant: Date) =>
      auditor.data<AccountAsOfQuery, AccountAsOfQueryVariables>('AccountAsOf', { id: accountId, asOf: instant.toISOString(), view: 'ALL' });
    expect((await asOf(at.beforeAll!)).account).toBeNull();
    const first = (await asOf(at.created!)).account!;
    expect(first).toMatchObject({ name: 'Fabrikam', state: 'ACTIVE', version: 1, owner: { id: ola.id } });
    expect(first.contacts.totalCount).toBe(0);
    const renamed = (await asOf(at.renamed!)).account!;
    expect(renamed).toMatchObject({ name: 'Fabrikam AS', version: 2 });
    expect(renamed.contacts.edges).toEqual([]);
    const linked = (await asOf(at.associated!)).account!;
    expect(linked.contacts.edges.map((edge) => edge.node)).toEqual([
      {
        id: contactId,
        fullName: 'Nora Berg',
        email: 'nora.berg@fabrikam.example',
        state: 'ACTIVE',
        account: { id: accountId, name: 'Fabrikam AS' },
      },
    ]);
    expect((await asOf(at.deactivated!)).account).toMatchObject({ state: 'INACTIVE', version: 3 });
  });

  it('reads a contact as it was, with its account as it was then', async () => {
    const asOf = (instant: Date) =>
      auditor.data<ContactAsOfQuery, ContactAsOfQueryVariables>('ContactAsOf', { id: contactId, asOf: instant.toISOString() });
    expect((await asOf(at.renamed!)).contact).toBeNull();
    expect((await asOf(at.contactCreated!)).contact).toMatchObject({ lastName: 'Berg', account: null, version: 1 });
    expect((await asOf(at.associated!)).contact).toMatchObject({ account: { id: accountId, name: 'Fabrikam AS' }, version: 2 });
  });

  it('keeps what was linked at a past instant after the contact is unlinked', async () => {
    const other = await ola.client.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
      input: { name: 'Northwind' },
    });
    const otherId = other.createAccount.account.id;
    const personId = (
      await ola.client.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
        input: { firstName: 'Per', lastName: 'Lie' },
      })
    ).createContact.contact.id;
    clock.advance(60_000);
    await ola.client.data('AssociateContacts', { input: { accountId: otherId, contactIds: [personId] } });
    const linkedAt = new Date(clock.now().getTime() + 30_000);
    clock.advance(60_000);
    await ola.client.data('DisassociateContact', { input: { contactId: personId } });
    const contactsAt = async (instant: Date) =>
      (
        await auditor.data<AccountAsOfQuery, AccountAsOfQueryVariables>('AccountAsOf', { id: otherId, asOf: instant.toISOString() })
      ).account!.contacts.edges.map((edge) => edge.node.id);
    expect(await contactsAt(linkedAt)).toEqual([personId]);
    expect(await contactsAt(new Date(clock.now().getTime() + 30_000))).toEqual([]);
  });

  it('filters the audit log by actor, record type, record and time, newest first', async () => {
    const log = async (filter: AuditLogQueryVariables['filter']) =>
      (await auditor.data<AuditLogQuery, AuditLogQueryVariables>('AuditLog', { filter, first: 100 })).auditLog;
    const byKari = await log({ actorId: kari.id });
    expect(byKari.edges.map((edge) => edge.node.eventType)).toEqual(['AccountActivated', 'AccountDeactivated']);
    expect(byKari.totalCount).toBe(2);
    const contactEvents = await log({ recordType: 'CONTACT', recordId: contactId });
    expect(contactEvents.edges.map((edge) => edge.node.eventType)).toEqual(['ContactAssociatedWithAccount', 'ContactCreated']);
    const window = await log({ from: at.renamed!.toISOString(), to: at.associated!.toISOString() });
    expect(window.edges.map((edge) => edge.node.eventType)).toEqual(['ContactAssociatedWithAccount', 'ContactCreated']);
    const users = await log({ recordType: 'USER', actorId: server.adminId });
    // Role changes and registrations are events too: the administrator registered the three users.
    expect(users.edges.filter((edge) => edge.node.eventType === 'UserRegistered')).toHaveLength(3);
  });

  it('pages through the whole audit log without gaps or repeats', async () => {
    const positions: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AuditLogQuery = await auditor.data<AuditLogQuery, AuditLogQueryVariables>('AuditLog', { first: 3, after });
      positions.push(...page.auditLog.edges.map((edge) => Number(edge.node.position)));
      if (!page.auditLog.pageInfo.hasNextPage) break;
      after = page.auditLog.pageInfo.endCursor ?? null;
    }
    const all = (await auditor.data<AuditLogQuery, AuditLogQueryVariables>('AuditLog', { first: 500 })).auditLog;
    expect(positions).toEqual(all.edges.map((edge) => Number(edge.node.position)));
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    expect(new Set(positions).size).toBe(all.totalCount);
  });

  it('lets only those who may read the audit see history, time travel and the log', async () => {
    const error = await ola.client.error('AuditLog', {});
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', privilege: 'readAudit' });
    expect((await ola.client.error('AccountHistory', { id: accountId })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ola.client.error('AccountAsOf', { id: accountId, asOf: at.created!.toISOString() })).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await ola.client.error('VerifyAuditTrail', {})).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('verifies the audit trail', async () => {
    const { verifyAuditTrail } = await auditor.data<VerifyAuditTrailQuery>('VerifyAuditTrail');
    expect(verifyAuditTrail.ok).toBe(true);
    expect(verifyAuditTrail.firstBrokenPosition).toBeNull();
    expect(verifyAuditTrail.eventsChecked).toBe(Number(await server.crm.store.headPosition()));
  });

  it('shows an erased contact’s history with every step kept and the values erased', async () => {
    await server.admin.data('EraseContactPersonalData', { input: { contactId, reason: 'Asked in writing' } });
    const { contact } = await auditor.data<ContactHistoryQuery, ContactHistoryQueryVariables>('ContactHistory', { id: contactId });
    const entries = contact!.history.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.eventType)).toEqual([
      'ContactPersonalDataErased',
      'ContactAssociatedWithAccount',
      'ContactCreated',
    ]);
    const created = entries[2]!;
    expect(created.changes.find((change) => change.field === 'email')).toEqual({ field: 'email', from: null, to: null, erased: true });
    expect(created.changes.find((change) => change.field === 'lastName')).toEqual({
      field: 'lastName',
      from: null,
      to: null,
      erased: true,
    });
    expect(created.erasedFields).toEqual(expect.arrayContaining(['email', 'lastName']));
    expect(JSON.stringify(entries)).not.toContain('nora.berg');
    expect(JSON.stringify(entries)).not.toContain('Berg');
    // Non-personal changes keep their values.
    expect(entries[1]!.changes).toEqual([{ field: 'accountId', from: null, to: accountId, erased: false }]);
    const then = await auditor.data<ContactAsOfQuery, ContactAsOfQueryVariables>('ContactAsOf', {
      id: contactId,
      asOf: at.associated!.toISOString(),
    });
    expect(then.contact).toMatchObject({ lastName: '[erased]', email: null, account: { id: accountId } });
    expect((await auditor.data<VerifyAuditTrailQuery>('VerifyAuditTrail')).verifyAuditTrail.ok).toBe(true);
  });
});

describe.each(TEST_DATABASES)('tamper evidence on $name', (database) => {
  let server: TestServer;
  let auditor: GraphQLTestClient;
  beforeEach(async () => {
    server = await startTestServer(database);
    auditor = (await registerAs(server, 'audit@example.com', ['AUDITOR'])).client;
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta']) await server.admin.data('CreateAccount', { input: { name } });
  });
  afterEach(async () => {
    await server.dispose();
  });

  const positionOf = async (name: string) =>
    (await server.crm.store.readAll({ after: 0, limit: 1000 })).find((event) => (event.data as { name?: string }).name === name)!
      .globalPosition;

  it('finds an edited event at its position', async () => {
    const bravo = await positionOf('Bravo');
    await server.database.exec(`UPDATE events SET data = replace(data, 'Bravo', 'Contoso') WHERE global_position = ${bravo}`);
    const { verifyAuditTrail } = await auditor.data<VerifyAuditTrailQuery>('VerifyAuditTrail');
    expect(verifyAuditTrail).toMatchObject({ ok: false, firstBrokenPosition: String(bravo) });
  });

  it('finds a deleted event at the event after it', async () => {
    const bravo = await positionOf('Bravo');
    const charlie = await positionOf('Charlie');
    await server.database.exec(`DELETE FROM events WHERE global_position = ${bravo}`);
    const { verifyAuditTrail } = await auditor.data<VerifyAuditTrailQuery>('VerifyAuditTrail');
    expect(verifyAuditTrail).toMatchObject({ ok: false, firstBrokenPosition: String(charlie) });
  });
});

describe.each(TEST_DATABASES)('rebuilds that never show a half-built list on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
    const commands = server.crm.commands({ actorId: server.adminId, source: 'api' });
    for (let i = 0; i < 300; i += 1) await commands.createAccount({ name: `Account ${String(i).padStart(3, '0')}` });
    await server.crm.settle();
  });
  afterAll(async () => {
    await server.dispose();
  });

  /** How many accounts the list shows, and how many rows its first page has (a half-built table shows fewer). */
  const countAccounts = async () => {
    const { accounts } = await server.admin.data<AccountsQuery, AccountsQueryVariables>('Accounts', { first: 500, view: 'ALL' });
    return accounts.edges.length;
  };

  it('keeps serving the whole list while a rebuild runs, and while writes go on', async () => {
    let rebuilding = true;
    const counts: number[] = [];
    const reads = (async () => {
      while (rebuilding) counts.push(await countAccounts());
    })();
    const writes = (async () => {
      for (let i = 0; i < 5; i += 1) await server.admin.data('CreateAccount', { input: { name: `During rebuild ${i}` } });
    })();
    const progress: number[] = [];
    await server.crm.rebuild(['accounts'], ({ position }) => progress.push(position));
    await writes;
    rebuilding = false;
    await reads;
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(300);
    expect(progress.length).toBeGreaterThan(0);
    await server.crm.settle();
    expect(await countAccounts()).toBe(305);
  });

  it('rebuilds a projection whose version changed at start-up the same way, to the same rows', async () => {
    const before = await countAccounts();
    const bumped = ALL_PROJECTIONS.map((projection) =>
      projection.name === accountProjection.name ? { ...projection, version: projection.version + 1 } : projection,
    );
    server = await server.restart({ projections: bumped });
    expect(await countAccounts()).toBe(before);
    const stored = await server.crm.projector.checkpoints(server.crm.db);
    expect(stored.get('accounts')!.version).toBe(accountProjection.version + 1);
  });
});
