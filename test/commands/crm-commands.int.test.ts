import { streamIds } from '../../events';
import { ContactAlreadyAssociatedError, RecordInactiveError, ValidationError, VersionConflictError } from '../../src/domain/errors';
import { contactsByIds } from '../../projections/contact/contact.queries';
import { accountsByIds } from '../../projections/account/account.queries';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused');
}

describe.each(TEST_DATABASES)('commands on $name', (database) => {
  let t: TestCrm;
  beforeEach(async () => {
    t = await openTestCrm(database);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('creates an account with only a name, recording the actor and the command in the event', async () => {
    const outcome = await t.commands({ correlationId: 'req-1' }).createAccount({ name: 'Contoso' });
    const [event] = await t.crm.store.readStream(streamIds.account(outcome.result.id));
    expect(event).toMatchObject({
      type: 'AccountCreated',
      schemaVersion: 1,
      streamVersion: 1,
      globalPosition: outcome.position,
      metadata: { actorId: t.userId, source: 'api', correlationId: 'req-1' },
      data: { name: 'Contoso', ownerId: t.userId, phone: null },
    });
    expect(event!.metadata.commandId).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it('answers a retried command with the same idempotency key with the first result, appending nothing', async () => {
    const commands = t.commands();
    const first = await commands.createAccount({ name: 'Contoso', idempotencyKey: 'create-contoso' });
    const head = await t.crm.store.headPosition();
    const again = await commands.createAccount({ name: 'Contoso', idempotencyKey: 'create-contoso' });
    expect(again).toMatchObject({ result: first.result, position: first.position, replayed: true });
    expect(await t.crm.store.headPosition()).toBe(head);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => commands.createAccount({ name: 'Fabrikam', idempotencyKey: 'create-fabrikam' })),
    );
    expect(new Set(concurrent.map((outcome) => outcome.result.id)).size).toBe(1);
    expect(
      await accountsByIds(
        t.crm.db,
        concurrent.map((outcome) => outcome.result.id),
      ),
    ).toHaveLength(1);
  });

  it('refuses an idempotency key reused for a different request', async () => {
    await t.commands().createAccount({ name: 'Contoso', idempotencyKey: 'k' });
    expect(await rejection(t.commands().createAccount({ name: 'Other', idempotencyKey: 'k' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
    });
  });

  it('keeps idempotency keys per actor', async () => {
    const other = await t.addUser('other@example.com');
    const mine = await t.commands().createAccount({ name: 'Contoso', idempotencyKey: 'k' });
    const theirs = await t.commands({ actorId: other }).createAccount({ name: 'Contoso', idempotencyKey: 'k' });
    expect(theirs.result.id).not.toBe(mine.result.id);
  });

  it('refuses an update at a stale expectedVersion with CONFLICT, and accepts the current one', async () => {
    const { result } = await t.commands().createAccount({ name: 'Contoso' });
    await t.commands().updateAccount({ id: result.id, name: 'Contoso Ltd', expectedVersion: 1 });
    const error = await rejection(t.commands().updateAccount({ id: result.id, name: 'Stale', expectedVersion: 1 }));
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { expectedVersion: 1, actualVersion: 2 } });
  });

  it('lets exactly one of 50 concurrent updates at the same expectedVersion succeed', async () => {
    const { result } = await t.commands().createAccount({ name: 'Contoso' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => t.commands().updateAccount({ id: result.id, name: `Contoso ${i}`, expectedVersion: 1 })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').every((o) => o.reason instanceof VersionConflictError),
    ).toBe(true);
    expect(await t.crm.store.readStream(streamIds.account(result.id))).toHaveLength(2);
  });

  it('retries a command that lost a race when the client did not pin a version: every change lands', async () => {
    const { result } = await t.commands().createAccount({ name: 'Contoso' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.commands().updateAccount({ id: result.id, description: `note ${i}` })));
    expect(await t.crm.store.readStream(streamIds.account(result.id))).toHaveLength(21);
  });

  it('links contacts all or nothing: one contact of another account leaves every contact unlinked', async () => {
    const contoso = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    const fabrikam = (await t.commands().createAccount({ name: 'Fabrikam' })).result.id;
    const free = (await t.commands().createContact({ firstName: 'Jan', lastName: 'Kowalski' })).result.id;
    const taken = (await t.commands().createContact({ firstName: 'Zofia', lastName: 'Wójcik', accountId: fabrikam })).result.id;
    const head = await t.crm.store.headPosition();
    const error = await rejection(t.commands().associateContacts({ accountId: contoso, contactIds: [free, taken] }));
    expect(error).toBeInstanceOf(ContactAlreadyAssociatedError);
    expect((error as Error).message).toMatch(/Zofia Wójcik.*Fabrikam/u);
    expect(await t.crm.store.headPosition()).toBe(head);
    expect((await contactsByIds(t.crm.db, [free, taken])).map((row) => [row.id, row.account_id]).sort()).toEqual(
      [
        [free, null],
        [taken, fabrikam],
      ].sort(),
    );
  });

  it('never links a contact to two accounts when two links race', async () => {
    const accounts = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map(async (name) => (await t.commands().createAccount({ name })).result.id),
    );
    const contact = (await t.commands().createContact({ firstName: 'Jan', lastName: 'Kowalski' })).result.id;
    const outcomes = await Promise.allSettled(
      accounts.map((accountId) => t.commands().associateContacts({ accountId, contactIds: [contact] })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refusals.every((o) => o.reason instanceof ContactAlreadyAssociatedError)).toBe(true);
    const links = (await t.crm.store.readStream(streamIds.contact(contact))).filter(
      (event) => event.type === 'ContactAssociatedWithAccount',
    );
    expect(links).toHaveLength(1);
  });

  it('refuses a link to an account deactivated meanwhile (the account is a condition of the append)', async () => {
    const account = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    const contacts = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await t.commands().createContact({ firstName: 'Jan', lastName: `Nowak ${i}` })).result.id,
      ),
    );
    const links = contacts.map((contactId) => t.commands().associateContacts({ accountId: account, contactIds: [contactId] }));
    const deactivation = t.commands().deactivateAccount({ id: account });
    const [deactivated, ...outcomes] = await Promise.allSettled([deactivation, ...links]);
    if (deactivated?.status !== 'fulfilled') throw new Error('the deactivation must succeed');
    const deactivatedAt = deactivated.value.position;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect((outcome.value as { position: number }).position).toBeLessThan(deactivatedAt);
      else expect(outcome.reason).toBeInstanceOf(RecordInactiveError);
    }
  });

  it('keeps a deactivated account read-only and its contacts active', async () => {
    const account = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    const contact = (await t.commands().createContact({ firstName: 'Jan', lastName: 'Kowalski', accountId: account })).result.id;
    await t.commands().deactivateAccount({ id: account });
    expect(await rejection(t.commands().updateAccount({ id: account, name: 'X' }))).toBeInstanceOf(RecordInactiveError);
    expect(await rejection(t.commands().createContact({ firstName: 'A', lastName: 'B', accountId: account }))).toBeInstanceOf(
      RecordInactiveError,
    );
    const [row] = await contactsByIds(t.crm.db, [contact]);
    expect(row).toMatchObject({ state: 'ACTIVE', account_id: account });
    await t.commands().updateContact({ id: contact, jobTitle: 'CEO' });
    await t.commands().activateAccount({ id: account });
    await t.commands().updateAccount({ id: account, name: 'Contoso again' });
  });

  it('reports a malformed id as NOT_FOUND without touching the store', async () => {
    expect(await rejection(t.commands().updateAccount({ id: 'not-an-id', name: 'X' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await rejection(t.commands().associateContacts({ accountId: 'x'.repeat(10_000), contactIds: [] }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('sees changes another process made to a cached stream before deciding', async () => {
    const account = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    await t.commands().updateAccount({ id: account, name: 'Warm the cache' });
    // A second CRM on the same database plays the other process.
    const other = await t.reopen();
    try {
      await other.commands().deactivateAccount({ id: account });
    } finally {
      await other.crm.close();
    }
    // `t` still has the account cached as active; the refusal must come from the fresh state.
    const reopened = await t.reopen();
    expect(await rejection(reopened.commands().updateAccount({ id: account, name: 'Y' }))).toBeInstanceOf(RecordInactiveError);
    t = reopened;
  });

  it('refuses a duplicate user e-mail address, case-insensitively', async () => {
    await t.addUser('ann@example.com');
    expect(await rejection(t.addUser('ANN@example.com'))).toBeInstanceOf(ValidationError);
  });
});
