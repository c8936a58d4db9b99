import type {
  AccountSalesRecordsQuery,
  AccountSalesRecordsQueryVariables,
  ActivityQuery,
  ActivityQueryVariables,
  AssignSalesOwnerMutation,
  AssignSalesOwnerMutationVariables,
  CloseOpportunityMutation,
  CloseOpportunityMutationVariables,
  ContactSalesRecordsQuery,
  ContactSalesRecordsQueryVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  CreateInvoiceMutation,
  CreateInvoiceMutationVariables,
  CreateOpportunityMutation,
  CreateOpportunityMutationVariables,
  CreateQuoteFromOpportunityMutation,
  CreateQuoteFromOpportunityMutationVariables,
  DeactivateAccountMutation,
  DeactivateAccountMutationVariables,
  InvoiceQuery,
  InvoiceQueryVariables,
  LogActivityMutation,
  LogActivityMutationVariables,
  OpportunityQuery,
  OpportunityQueryVariables,
  QuoteQuery,
  QuoteQueryVariables,
  SalesNodeQuery,
  SalesNodeQueryVariables,
} from '../generated/operations';
import { startTestServer, type GraphQLTestClient, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)('sales records over GraphQL on $name', (database) => {
  let server: TestServer;
  let api: GraphQLTestClient;
  beforeAll(async () => {
    server = await startTestServer(database);
    api = server.admin;
  });
  afterAll(async () => {
    await server.dispose();
  });

  const createAccount = async (name: string) =>
    (await api.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input: { name } })).createAccount.account.id;
  const createContact = async (accountId: string | null = null) =>
    (
      await api.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
        input: { firstName: 'Zofia', lastName: 'Wójcik', accountId },
      })
    ).createContact.contact.id;
  const createOpportunity = async (input: CreateOpportunityMutationVariables['input']) =>
    (await api.data<CreateOpportunityMutation, CreateOpportunityMutationVariables>('CreateOpportunity', { input })).createOpportunity
      .opportunity;
  const createQuote = async (input: CreateQuoteFromOpportunityMutationVariables['input']) =>
    (
      await api.data<CreateQuoteFromOpportunityMutation, CreateQuoteFromOpportunityMutationVariables>('CreateQuoteFromOpportunity', {
        input,
      })
    ).createQuoteFromOpportunity.quote;
  const createInvoice = async (input: CreateInvoiceMutationVariables['input']) =>
    (await api.data<CreateInvoiceMutation, CreateInvoiceMutationVariables>('CreateInvoice', { input })).createInvoice.invoice;
  const logActivity = async (input: LogActivityMutationVariables['input']) =>
    (await api.data<LogActivityMutation, LogActivityMutationVariables>('LogActivity', { input })).logActivity.activity;
  const salesOf = async (id: string, variables: Omit<AccountSalesRecordsQueryVariables, 'id'> = {}) =>
    (await api.data<AccountSalesRecordsQuery, AccountSalesRecordsQueryVariables>('AccountSalesRecords', { id, ...variables })).account!;
  const deactivate = (id: string) =>
    api.data<DeactivateAccountMutation, DeactivateAccountMutationVariables>('DeactivateAccount', { input: { id } });

  it('creates an open opportunity with exact amounts, owned by the caller, and lists it on its account and contact', async () => {
    const accountId = await createAccount('Przetwórnia Owoców Sad');
    const contactId = await createContact(accountId);
    const opportunity = await createOpportunity({
      topic: 'Linia do tłoczenia soków',
      accountId,
      contactId,
      estimatedRevenue: '125000.5',
      estimatedCloseDate: '2026-06-30T12:00:00+02:00',
      probability: 35,
    });
    expect(opportunity).toMatchObject({
      topic: 'Linia do tłoczenia soków',
      status: 'OPEN',
      estimatedRevenue: '125000.50',
      weightedRevenue: '43750.18',
      estimatedCloseDate: '2026-06-30T10:00:00.000Z',
      probability: 35,
      version: 1,
      closedAt: null,
      account: { id: accountId },
      contact: { id: contactId },
      owner: { id: server.adminId },
    });
    expect((await salesOf(accountId)).opportunities.edges.map((edge) => edge.node.id)).toEqual([opportunity.id]);
    const ofContact = await api.data<ContactSalesRecordsQuery, ContactSalesRecordsQueryVariables>('ContactSalesRecords', { id: contactId });
    expect(ofContact.contact!.opportunities).toMatchObject({ totalCount: 1, edges: [{ node: { id: opportunity.id } }] });
  });

  it('closes an opportunity as won, filters by status, and keeps a closed opportunity read-only', async () => {
    const accountId = await createAccount('Status Co');
    const won = await createOpportunity({ topic: 'Won', accountId });
    await createOpportunity({ topic: 'Open', accountId });
    const closed = await api.data<CloseOpportunityMutation, CloseOpportunityMutationVariables>('CloseOpportunity', {
      input: { id: won.id, status: 'WON' },
    });
    expect(closed.closeOpportunity.opportunity).toMatchObject({ status: 'WON', version: 2, closedAt: expect.any(String) as unknown });
    const wonOnly = await salesOf(accountId, { status: 'WON' });
    expect(wonOnly.opportunities).toMatchObject({ totalCount: 1, edges: [{ node: { id: won.id, status: 'WON' } }] });
    expect((await salesOf(accountId, { status: 'OPEN' })).opportunities.totalCount).toBe(1);
    const again = await api.error<CloseOpportunityMutationVariables>('CloseOpportunity', { input: { id: won.id, status: 'LOST' } });
    expect(again.extensions).toMatchObject({ code: 'RECORD_INACTIVE' });
    const quote = await api.error<CreateQuoteFromOpportunityMutationVariables>('CreateQuoteFromOpportunity', {
      input: { opportunityId: won.id, totalAmount: '10.00' },
    });
    expect(quote.extensions).toMatchObject({ code: 'RECORD_INACTIVE', field: 'opportunityId' });
  });

  it('numbers quotes QUO-…, takes the account from the opportunity, and pages an opportunity’s quotes with cursors', async () => {
    const accountId = await createAccount('Quote Co');
    const opportunity = await createOpportunity({ topic: 'Quotes', accountId });
    const quotes = [];
    for (let i = 0; i < 3; i += 1) quotes.push(await createQuote({ opportunityId: opportunity.id, totalAmount: `${i + 1}000.5` }));
    expect(quotes[0]).toMatchObject({
      quoteNumber: expect.stringMatching(/^QUO-\d{5}$/u) as unknown,
      name: 'Quotes',
      totalAmount: '1000.50',
      status: 'DRAFT',
      account: { id: accountId },
      opportunity: { id: opportunity.id, status: 'OPEN' },
    });
    const numbers = quotes.map((quote) => Number(quote.quoteNumber.slice(4)));
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    const page = async (after: string | null) =>
      (
        await api.data<OpportunityQuery, OpportunityQueryVariables>('Opportunity', {
          id: opportunity.id,
          quotesFirst: 2,
          quotesAfter: after,
        })
      ).opportunity!.quotes;
    const first = await page(null);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await page(first.pageInfo.endCursor);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual([quotes[2]!.id, quotes[1]!.id, quotes[0]!.id]);
    expect((await api.data<QuoteQuery, QuoteQueryVariables>('Quote', { id: quotes[0]!.id })).quote).toMatchObject({ id: quotes[0]!.id });
  });

  it('refuses new sales records for a deactivated account, keeps its existing ones readable, and allows them again once it is reactivated', async () => {
    const accountId = await createAccount('Deactivated Sales Co');
    const opportunity = await createOpportunity({ topic: 'Still open', accountId });
    const quote = await createQuote({ opportunityId: opportunity.id, totalAmount: '100.00' });
    const invoice = await createInvoice({ name: 'Before', accountId, totalAmount: '100.00' });
    await deactivate(accountId);
    const refusals = [
      await api.error<CreateOpportunityMutationVariables>('CreateOpportunity', { input: { topic: 'New', accountId } }),
      await api.error<CreateQuoteFromOpportunityMutationVariables>('CreateQuoteFromOpportunity', {
        input: { opportunityId: opportunity.id, totalAmount: '1.00' },
      }),
      await api.error<CreateInvoiceMutationVariables>('CreateInvoice', { input: { name: 'After', accountId, totalAmount: '1.00' } }),
      await api.error<LogActivityMutationVariables>('LogActivity', {
        input: { type: 'PHONE_CALL', subject: 'Call', occurredAt: '2026-03-01T10:00:00Z', regardingAccountId: accountId },
      }),
    ];
    expect(refusals.map((refusal) => refusal.extensions.code)).toEqual([
      'RECORD_INACTIVE',
      'RECORD_INACTIVE',
      'RECORD_INACTIVE',
      'RECORD_INACTIVE',
    ]);
    const records = await salesOf(accountId);
    expect(records).toMatchObject({
      state: 'INACTIVE',
      opportunities: { totalCount: 1, edges: [{ node: { status: 'OPEN' } }] },
      quotes: { totalCount: 1, edges: [{ node: { id: quote.id } }] },
      invoices: { totalCount: 1, edges: [{ node: { id: invoice.id, status: 'ACTIVE' } }] },
    });
    await api.data('ActivateAccount', { input: { id: accountId } });
    expect((await createQuote({ opportunityId: opportunity.id, totalAmount: '2.00' })).account).toEqual({ id: accountId });
  });

  it('creates an invoice INV-… from a quote, billed to the quote’s account and opportunity', async () => {
    const accountId = await createAccount('Invoice Co');
    const opportunity = await createOpportunity({ topic: 'Invoiced', accountId });
    const quote = await createQuote({ opportunityId: opportunity.id, totalAmount: '4999.99' });
    const invoice = await createInvoice({
      name: 'Faktura 7/2026',
      quoteId: quote.id,
      totalAmount: '4999.99',
      dueDate: '2026-04-15T00:00:00Z',
    });
    expect(invoice).toMatchObject({
      invoiceNumber: expect.stringMatching(/^INV-\d{5}$/u) as unknown,
      status: 'ACTIVE',
      totalAmount: '4999.99',
      dueDate: '2026-04-15T00:00:00.000Z',
      account: { id: accountId },
      opportunity: { id: opportunity.id },
      quote: { id: quote.id, quoteNumber: quote.quoteNumber },
    });
    expect((await api.data<InvoiceQuery, InvoiceQueryVariables>('Invoice', { id: invoice.id })).invoice).toMatchObject({ id: invoice.id });
    expect((await salesOf(accountId)).invoices).toMatchObject({ totalCount: 1, edges: [{ node: { id: invoice.id } }] });
  });

  it.each([
    ['more than two decimals', '10.005'],
    ['a negative total', '-1.00'],
  ])('refuses %s with BAD_USER_INPUT naming totalAmount, writing nothing', async (_case, totalAmount) => {
    const accountId = await createAccount(`Money Co ${totalAmount}`);
    const head = await server.crm.store.headPosition();
    const error = await api.error<CreateInvoiceMutationVariables>('CreateInvoice', { input: { name: 'X', accountId, totalAmount } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'totalAmount' });
    expect(await server.crm.store.headPosition()).toBe(head);
  });

  it('refuses an amount sent as a JSON number (it would have passed through floating point)', async () => {
    const accountId = await createAccount('Float Co');
    const response = await api.request('CreateInvoice', { input: { name: 'X', accountId, totalAmount: 0.1 } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('logs activities with participants and e-mail threads, and lists them by type on the account and the contact', async () => {
    const accountId = await createAccount('Activity Co');
    const contactId = await createContact(accountId);
    const colleague = await server.newUser('colleague-sales@example.com');
    const meeting = await logActivity({
      type: 'APPOINTMENT',
      subject: 'Warsztat wymagań',
      description: 'Agenda: integration',
      direction: 'OUTGOING',
      occurredAt: '2026-03-02T09:00:00Z',
      durationMinutes: 120,
      regardingAccountId: accountId,
      participants: [{ userId: server.adminId }, { userId: colleague.id }, { contactId }],
    });
    expect(meeting).toMatchObject({
      type: 'APPOINTMENT',
      direction: 'OUTGOING',
      durationMinutes: 120,
      regardingAccount: { id: accountId },
      owner: { id: server.adminId },
      participants: [
        { user: { id: server.adminId }, contact: null },
        { user: { id: colleague.id } },
        { user: null, contact: { id: contactId } },
      ],
    });
    const email = await logActivity({
      type: 'EMAIL',
      subject: 'Oferta',
      occurredAt: '2026-03-03T09:00:00Z',
      regardingContactId: contactId,
    });
    const reply = await logActivity({
      type: 'EMAIL',
      subject: 'Re: Oferta',
      direction: 'INCOMING',
      occurredAt: '2026-03-03T11:00:00Z',
      regardingContactId: contactId,
      inReplyToActivityId: email.id,
    });
    expect(reply.inReplyTo).toEqual({ id: email.id, subject: 'Oferta' });
    expect((await api.data<ActivityQuery, ActivityQueryVariables>('Activity', { id: reply.id })).activity).toMatchObject({
      direction: 'INCOMING',
    });
    expect((await salesOf(accountId, { type: 'APPOINTMENT' })).activities).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: meeting.id } }],
    });
    const ofContact = await api.data<ContactSalesRecordsQuery, ContactSalesRecordsQueryVariables>('ContactSalesRecords', {
      id: contactId,
      type: 'EMAIL',
    });
    expect(ofContact.contact!.activities.edges.map((edge) => edge.node.id)).toEqual([reply.id, email.id]);
  });

  it('resolves opportunities, quotes, invoices and activities with node(id)', async () => {
    const accountId = await createAccount('Node Sales Co');
    const opportunity = await createOpportunity({ topic: 'Node topic', accountId });
    const quote = await createQuote({ opportunityId: opportunity.id, totalAmount: '1.00' });
    const invoice = await createInvoice({ name: 'Node invoice', accountId, totalAmount: '1.00' });
    const activity = await logActivity({ type: 'TASK', subject: 'Node task', occurredAt: '2026-03-01T10:00:00Z' });
    const node = async (id: string) => (await api.data<SalesNodeQuery, SalesNodeQueryVariables>('SalesNode', { id })).node;
    expect(await node(opportunity.id)).toMatchObject({ __typename: 'Opportunity', topic: 'Node topic' });
    expect(await node(quote.id)).toMatchObject({ __typename: 'Quote', quoteNumber: quote.quoteNumber });
    expect(await node(invoice.id)).toMatchObject({ __typename: 'Invoice', invoiceNumber: invoice.invoiceNumber });
    expect(await node(activity.id)).toMatchObject({ __typename: 'Activity', subject: 'Node task' });
  });

  it('assigns opportunities and activities to another owner, and refuses quotes and invoices (they have no owner)', async () => {
    const other = await server.newUser('new-owner-sales@example.com');
    const accountId = await createAccount('Owner Co');
    const opportunity = await createOpportunity({ topic: 'Reassigned', accountId });
    const activity = await logActivity({ type: 'TASK', subject: 'Reassigned task', occurredAt: '2026-03-01T10:00:00Z' });
    const assign = (recordType: AssignSalesOwnerMutationVariables['input']['recordType'], id: string) =>
      api.data<AssignSalesOwnerMutation, AssignSalesOwnerMutationVariables>('AssignSalesOwner', {
        input: { recordType, id, ownerId: other.id },
      });
    expect((await assign('OPPORTUNITY', opportunity.id)).assignOwner.record).toMatchObject({
      __typename: 'Opportunity',
      owner: { id: other.id },
    });
    expect((await assign('ACTIVITY', activity.id)).assignOwner.record).toMatchObject({ __typename: 'Activity', owner: { id: other.id } });
    const quote = await createQuote({ opportunityId: opportunity.id, totalAmount: '1.00' });
    const invoice = await createInvoice({ name: 'Owned?', accountId, totalAmount: '1.00' });
    for (const [recordType, id] of [
      ['QUOTE', quote.id],
      ['INVOICE', invoice.id],
    ] as const) {
      const error = await api.error<AssignSalesOwnerMutationVariables>('AssignSalesOwner', {
        input: { recordType, id, ownerId: other.id },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordType' });
    }
  });
});
