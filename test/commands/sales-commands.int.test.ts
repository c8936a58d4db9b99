import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import { activitiesByIds, participantsOfActivities } from '../../projections/activity/activity.queries';
import { invoicesByIds } from '../../projections/invoice/invoice.queries';
import { opportunitiesByIds } from '../../projections/opportunity/opportunity.queries';
import { quotesByIds } from '../../projections/quote/quote.queries';
import { CommandHandler } from '../../src/commands/command-handler';
import { ForbiddenError, NotFoundError, RecordInactiveError, ValidationError } from '../../src/domain/errors';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';
import { rejection, salesCommands } from '../support/test-sales';

describe.each(TEST_DATABASES)('sales commands on $name', (database) => {
  let t: TestCrm;
  beforeEach(async () => {
    t = await openTestCrm(database);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const account = async (name = 'Contoso') => (await t.commands().createAccount({ name })).result.id;
  const contact = async (accountId: string | null = null) =>
    (await t.commands().createContact({ firstName: 'Jan', lastName: 'Kowalski', accountId })).result.id;
  const opportunity = async (accountId: string | null, contactId: string | null = null) =>
    (await salesCommands(t).createOpportunity({ topic: 'CRM rollout', accountId, contactId, estimatedRevenue: '125000' })).result.id;
  const quote = async (opportunityId: string, totalAmount = '1000.00') =>
    (await salesCommands(t).createQuoteFromOpportunity({ opportunityId, totalAmount })).result.id;
  const numbersOf = async (table: 'quotes' | 'invoices') => {
    const rows =
      table === 'quotes'
        ? (await t.crm.db.selectFrom('quotes').select('quote_number as number').execute()).map((row) => row.number)
        : (await t.crm.db.selectFrom('invoices').select('invoice_number as number').execute()).map((row) => row.number);
    return rows.sort();
  };
  const expectedNumbers = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);

  describe('opportunities', () => {
    it('creates an OPEN opportunity owned by the caller, recording the actor in the event', async () => {
      const accountId = await account();
      const outcome = await salesCommands(t, { correlationId: 'req-7' }).createOpportunity({ topic: 'CRM rollout', accountId });
      const [event] = await t.crm.store.readStream(streamIds.opportunity(outcome.result.id));
      expect(event).toMatchObject({
        type: 'OpportunityCreated',
        schemaVersion: 1,
        globalPosition: outcome.position,
        metadata: { actorId: t.userId, correlationId: 'req-7' },
        data: { topic: 'CRM rollout', accountId, contactId: null, ownerId: t.userId },
      });
      expect(await opportunitiesByIds(t.crm.db, [outcome.result.id])).toMatchObject([{ status: 'OPEN', owner_id: t.userId }]);
    });

    it('refuses an opportunity for an inactive account, and allows it again once the account is reactivated', async () => {
      const accountId = await account();
      await t.commands().deactivateAccount({ id: accountId });
      expect(await rejection(salesCommands(t).createOpportunity({ topic: 'X', accountId }))).toMatchObject({
        code: 'RECORD_INACTIVE',
        field: 'accountId',
      });
      await t.commands().activateAccount({ id: accountId });
      expect((await salesCommands(t).createOpportunity({ topic: 'X', accountId })).result.id).toBeDefined();
    });

    it('refuses an opportunity for an inactive contact', async () => {
      const contactId = await contact();
      await t.commands().deactivateContact({ id: contactId });
      expect(await rejection(salesCommands(t).createOpportunity({ topic: 'X', contactId }))).toMatchObject({
        code: 'RECORD_INACTIVE',
        field: 'contactId',
      });
    });

    it('reports a malformed account id as NOT_FOUND without touching the store', async () => {
      const head = await t.crm.store.headPosition();
      expect(await rejection(salesCommands(t).createOpportunity({ topic: 'X', accountId: 'nope' }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'accountId',
      });
      expect(await t.crm.store.headPosition()).toBe(head);
    });

    it('closes an opportunity as WON and keeps it read-only afterwards', async () => {
      const id = await opportunity(await account());
      await salesCommands(t).closeOpportunity({ id, status: 'WON' });
      expect(await opportunitiesByIds(t.crm.db, [id])).toMatchObject([{ status: 'WON', version: 2 }]);
      expect(await rejection(salesCommands(t).closeOpportunity({ id, status: 'LOST' }))).toBeInstanceOf(RecordInactiveError);
      expect(await rejection(salesCommands(t).createQuoteFromOpportunity({ opportunityId: id, totalAmount: '1' }))).toMatchObject({
        code: 'RECORD_INACTIVE',
        field: 'opportunityId',
      });
    });

    it('assigns an opportunity to another owner through assignOwner', async () => {
      const id = await opportunity(await account());
      const other = await t.addUser('other@example.com');
      await t.commands().assignOwner({ recordType: 'OPPORTUNITY', id, ownerId: other });
      expect(await opportunitiesByIds(t.crm.db, [id])).toMatchObject([{ owner_id: other }]);
    });

    it('refuses a user whose roles do not allow creating records (FORBIDDEN), appending nothing', async () => {
      const auditor = (
        await t
          .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
          .registerUser({ email: 'auditor@example.com', name: 'Audrey', roles: ['AUDITOR'] })
      ).result.id;
      const accountId = await account();
      const head = await t.crm.store.headPosition();
      expect(await rejection(salesCommands(t, { actorId: auditor }).createOpportunity({ topic: 'X', accountId }))).toBeInstanceOf(
        ForbiddenError,
      );
      expect(await t.crm.store.headPosition()).toBe(head);
    });
  });

  describe('quotes', () => {
    it('creates quotes numbered QUO-00001, QUO-00002 for the opportunity’s account', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      const first = await quote(opportunityId, '1250.5');
      const second = await quote(opportunityId);
      const rows = await quotesByIds(t.crm.db, [first, second]);
      expect(rows.find((row) => row.id === first)).toMatchObject({
        quote_number: 'QUO-00001',
        account_id: accountId,
        opportunity_id: opportunityId,
        total_amount: '1250.50',
        status: 'DRAFT',
      });
      expect(rows.find((row) => row.id === second)).toMatchObject({ quote_number: 'QUO-00002' });
      expect(await t.crm.store.readStream(streamIds.quoteNumbers())).toHaveLength(2);
    });

    it('refuses a quote from a still-OPEN opportunity whose account was deactivated afterwards; the opportunity stays OPEN', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      await t.commands().deactivateAccount({ id: accountId });
      const error = await rejection(quote(opportunityId));
      expect(error).toBeInstanceOf(RecordInactiveError);
      expect(error).toMatchObject({ field: 'opportunityId', details: { recordType: 'ACCOUNT', id: accountId } });
      expect(await opportunitiesByIds(t.crm.db, [opportunityId])).toMatchObject([{ status: 'OPEN' }]);
      await t.commands().activateAccount({ id: accountId });
      expect(await quote(opportunityId)).toBeDefined();
    });

    it('refuses a quote from an opportunity whose contact was deactivated', async () => {
      const accountId = await account();
      const contactId = await contact(accountId);
      const opportunityId = await opportunity(accountId, contactId);
      await t.commands().deactivateContact({ id: contactId });
      expect(await rejection(quote(opportunityId))).toMatchObject({ code: 'RECORD_INACTIVE', details: { recordType: 'CONTACT' } });
    });

    it('refuses more than two decimals in the total, naming totalAmount, and allocates no number', async () => {
      const opportunityId = await opportunity(await account());
      expect(await rejection(quote(opportunityId, '10.005'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'totalAmount' });
      expect(await t.crm.store.readStream(streamIds.quoteNumbers())).toHaveLength(0);
    });

    it('answers a retried quote with the same idempotency key with the first quote and number', async () => {
      const opportunityId = await opportunity(await account());
      const request = { opportunityId, totalAmount: '10.00', idempotencyKey: 'quote-once' };
      const first = await salesCommands(t).createQuoteFromOpportunity(request);
      const again = await salesCommands(t).createQuoteFromOpportunity(request);
      expect(again).toMatchObject({ result: first.result, replayed: true });
      expect(await numbersOf('quotes')).toEqual(['QUO-00001']);
    });

    it('never creates a quote after a concurrent deactivation: each one is before it, or refused', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      // Three command handlers, as three processes: several quotes are decided at any moment. Each may lose the
      // race for the numbers' stream many times in a row (with the default 10 retries, one in ten runs lost a quote).
      const handlers = Array.from({ length: 3 }, () => new CommandHandler(t.crm.store, { maxRetries: 100 }));
      const quotes = handlers.flatMap((handler) =>
        Array.from({ length: 10 }, () => salesCommands(t, {}, handler).createQuoteFromOpportunity({ opportunityId, totalAmount: '5.00' })),
      );
      // The deactivation starts once the first quote is in, while the others are being decided.
      const deactivation = quotes[0]!.then(() => t.commands().deactivateAccount({ id: accountId }));
      const [deactivated, ...outcomes] = await Promise.allSettled([deactivation, ...quotes]);
      if (deactivated?.status !== 'fulfilled') throw new Error(`the deactivation must succeed: ${String(deactivated?.reason)}`);
      let created = 0;
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') {
          created += 1;
          expect(outcome.value.position).toBeLessThan(deactivated.value.position);
        } else {
          expect(outcome.reason).toBeInstanceOf(RecordInactiveError);
        }
      }
      // Every quote in the log comes before the deactivation, and the numbers given out are exactly 1…created.
      const events = await t.crm.store.readStream(streamIds.quoteNumbers());
      expect(events.every((event) => event.globalPosition < deactivated.value.position)).toBe(true);
      expect(await numbersOf('quotes')).toEqual(expectedNumbers('QUO', created));
    });

    it('keeps quote numbers unique and gapless when two processes create quotes at once', async () => {
      const opportunityId = await opportunity(await account());
      // A second command handler: its own cache and its own turn-taking, as in another process.
      const elsewhere = new CommandHandler(t.crm.store, { maxRetries: 100 });
      const here = new CommandHandler(t.crm.store, { maxRetries: 100 });
      await Promise.all(
        [here, elsewhere].flatMap((handler) =>
          Array.from({ length: 12 }, () =>
            salesCommands(t, {}, handler).createQuoteFromOpportunity({ opportunityId, totalAmount: '1.00' }),
          ),
        ),
      );
      expect(await numbersOf('quotes')).toEqual(expectedNumbers('QUO', 24));
      const allocations = await t.crm.store.readStream(streamIds.quoteNumbers());
      expect(allocations.map((event) => event.streamVersion)).toEqual(
        allocations.map((event) => (event.data as { number: number }).number),
      );
    });
  });

  describe('invoices', () => {
    it('creates an ACTIVE invoice INV-00001 from a quote, billed to the quote’s account', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      const quoteId = await quote(opportunityId, '999.99');
      const { result } = await salesCommands(t).createInvoice({ name: 'Faktura 1/2026', quoteId, totalAmount: '999.99' });
      expect(await invoicesByIds(t.crm.db, [result.id])).toMatchObject([
        {
          invoice_number: 'INV-00001',
          account_id: accountId,
          opportunity_id: opportunityId,
          quote_id: quoteId,
          total_amount: '999.99',
          status: 'ACTIVE',
        },
      ]);
    });

    it('refuses an invoice for an inactive account; the account’s other records stay as they were', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      const quoteId = await quote(opportunityId);
      const invoiceId = (await salesCommands(t).createInvoice({ name: 'First', accountId, totalAmount: '1.00' })).result.id;
      await t.commands().deactivateAccount({ id: accountId });
      expect(await rejection(salesCommands(t).createInvoice({ name: 'Second', accountId, totalAmount: '1.00' }))).toMatchObject({
        code: 'RECORD_INACTIVE',
        field: 'accountId',
      });
      expect(await rejection(salesCommands(t).createInvoice({ name: 'From quote', quoteId, totalAmount: '1.00' }))).toMatchObject({
        code: 'RECORD_INACTIVE',
      });
      expect(await opportunitiesByIds(t.crm.db, [opportunityId])).toMatchObject([{ status: 'OPEN' }]);
      expect(await quotesByIds(t.crm.db, [quoteId])).toMatchObject([{ status: 'DRAFT' }]);
      expect(await invoicesByIds(t.crm.db, [invoiceId])).toMatchObject([{ status: 'ACTIVE' }]);
    });

    it('refuses an invoice with a negative total, naming totalAmount', async () => {
      const accountId = await account();
      expect(await rejection(salesCommands(t).createInvoice({ name: 'X', accountId, totalAmount: '-1.00' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'totalAmount',
      });
    });

    it('keeps invoice numbers unique and gapless when two processes create invoices at once', async () => {
      const accountId = await account();
      const elsewhere = new CommandHandler(t.crm.store, { maxRetries: 100 });
      await Promise.all(
        [t.crm.handler, elsewhere].flatMap((handler) =>
          Array.from({ length: 10 }, (_, i) =>
            salesCommands(t, {}, handler).createInvoice({ name: `I${i}`, accountId, totalAmount: '1.00' }),
          ),
        ),
      );
      expect(await numbersOf('invoices')).toEqual(expectedNumbers('INV', 20));
    });
  });

  describe('activities', () => {
    it('logs an appointment with users and contacts as participants, stored in order', async () => {
      const accountId = await account();
      const [jan, ewa] = [await contact(accountId), await contact(accountId)];
      const colleague = await t.addUser('colleague@example.com');
      const { result } = await salesCommands(t).logActivity({
        type: 'APPOINTMENT',
        subject: 'Kick-off',
        occurredAt: '2026-03-02T10:00:00Z',
        durationMinutes: 90,
        direction: 'OUTGOING',
        regardingAccountId: accountId,
        participants: [{ userId: t.userId }, { userId: colleague }, { contactId: jan }, { contactId: ewa }],
      });
      expect(await activitiesByIds(t.crm.db, [result.id])).toMatchObject([
        { type: 'APPOINTMENT', owner_id: t.userId, regarding_account_id: accountId, occurred_at: '2026-03-02T10:00:00.000Z' },
      ]);
      const participants = (await participantsOfActivities(t.crm.db, [result.id])).get(result.id)!;
      expect(participants.map((row) => [row.id, row.user_id ?? row.contact_id])).toEqual([
        [`${result.id}:0`, t.userId],
        [`${result.id}:1`, colleague],
        [`${result.id}:2`, jan],
        [`${result.id}:3`, ewa],
      ]);
    });

    it('refuses an activity regarding an inactive contact, and allows it once the contact is reactivated', async () => {
      const contactId = await contact();
      await t.commands().deactivateContact({ id: contactId });
      const request = { type: 'PHONE_CALL', subject: 'Call', occurredAt: '2026-03-02T10:00:00Z', regardingContactId: contactId };
      expect(await rejection(salesCommands(t).logActivity(request))).toMatchObject({
        code: 'RECORD_INACTIVE',
        field: 'regardingContactId',
      });
      await t.commands().activateContact({ id: contactId });
      expect((await salesCommands(t).logActivity(request)).result.id).toBeDefined();
    });

    it('refuses an activity regarding an opportunity of a deactivated account', async () => {
      const accountId = await account();
      const opportunityId = await opportunity(accountId);
      await t.commands().deactivateAccount({ id: accountId });
      expect(
        await rejection(
          salesCommands(t).logActivity({
            type: 'TASK',
            subject: 'Follow up',
            occurredAt: '2026-03-02T10:00:00Z',
            regardingOpportunityId: opportunityId,
          }),
        ),
      ).toMatchObject({ code: 'RECORD_INACTIVE', field: 'regardingOpportunityId' });
    });

    it('threads e-mails with inReplyToActivityId', async () => {
      const first = await salesCommands(t).logActivity({ type: 'EMAIL', subject: 'Offer', occurredAt: '2026-03-02T10:00:00Z' });
      const reply = await salesCommands(t).logActivity({
        type: 'EMAIL',
        subject: 'Re: Offer',
        direction: 'INCOMING',
        occurredAt: '2026-03-02T12:00:00Z',
        inReplyToActivityId: first.result.id,
      });
      expect(await activitiesByIds(t.crm.db, [reply.result.id])).toMatchObject([
        { in_reply_to_activity_id: first.result.id, direction: 'INCOMING' },
      ]);
      expect(
        await rejection(
          salesCommands(t).logActivity({
            type: 'EMAIL',
            subject: 'Lost',
            occurredAt: '2026-03-02T10:00:00Z',
            inReplyToActivityId: t.userId,
          }),
        ),
      ).toBeInstanceOf(NotFoundError);
    });

    it('assigns an activity to another owner through assignOwner', async () => {
      const { result } = await salesCommands(t).logActivity({ type: 'TASK', subject: 'Prepare', occurredAt: '2026-03-02T10:00:00Z' });
      const other = await t.addUser('other@example.com');
      await t.commands().assignOwner({ recordType: 'ACTIVITY', id: result.id, ownerId: other });
      expect(await activitiesByIds(t.crm.db, [result.id])).toMatchObject([{ owner_id: other, version: 2 }]);
    });

    it.each(['QUOTE', 'INVOICE'] as const)('keeps refusing assignOwner for %s records (they have no owner)', async (recordType) => {
      expect(await rejection(t.commands().assignOwner({ recordType, id: t.userId, ownerId: t.userId }))).toBeInstanceOf(ValidationError);
    });
  });
});
