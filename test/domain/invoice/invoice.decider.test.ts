import { NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import type { InvoiceCommand, InvoiceInput } from '../../../src/domain/invoice/invoice.commands';
import { invoiceDecider, invoiceLinks, splitInvoiceCreation } from '../../../src/domain/invoice/invoice.decider';
import type { OpportunityState } from '../../../src/domain/opportunity/opportunity.state';
import type { ParentStates } from '../../../src/domain/parent-records';
import type { QuoteState } from '../../../src/domain/quote/quote.state';
import { deciderSpec } from '../../support/decider-spec';
import { CONTACT, OTHER_ACCOUNT, activeAccount, contactState, inactiveAccount } from '../../support/event-builders';
import {
  ACCOUNT,
  ACTIVE_PARENTS,
  INVOICE,
  OPPORTUNITY,
  OTHER_OPPORTUNITY,
  QUOTE,
  existingQuote,
  openOpportunity,
  parents,
} from '../../support/sales-builders';

const spec = deciderSpec(invoiceDecider);
const create = (
  input: Partial<InvoiceInput> = { accountId: ACCOUNT },
  from: { quote?: QuoteState; opportunity?: OpportunityState; opportunityId?: string } = {},
  states: ParentStates = ACTIVE_PARENTS,
  last = 0,
): InvoiceCommand => ({
  type: 'CreateInvoice',
  invoiceId: INVOICE,
  input: { name: 'Invoice', totalAmount: '250.5', ...input },
  quote: from.quote ? { id: QUOTE, state: from.quote } : null,
  opportunity: from.opportunity ? { id: from.opportunityId ?? OPPORTUNITY, state: from.opportunity } : null,
  parents: states,
  numbers: { last },
});

describe('invoice decider', () => {
  it('creates an ACTIVE invoice for an account with the first number INV-00001', () => {
    spec
      .given([])
      .when(create())
      .then([
        { type: 'InvoiceNumberAllocated', schemaVersion: 1, data: { number: 1, invoiceNumber: 'INV-00001', invoiceId: INVOICE } },
        {
          type: 'InvoiceCreated',
          schemaVersion: 1,
          data: {
            invoiceId: INVOICE,
            invoiceNumber: 'INV-00001',
            name: 'Invoice',
            accountId: ACCOUNT,
            contactId: null,
            opportunityId: null,
            quoteId: null,
            totalAmount: '250.50',
            dueDate: null,
          },
        },
      ]);
  });

  it('gives the number after the last one given out', () => {
    const [, created] = spec
      .given([])
      .when(create({ accountId: ACCOUNT }, {}, ACTIVE_PARENTS, 7))
      .events();
    expect(created!.data).toMatchObject({ invoiceNumber: 'INV-00008' });
  });

  it('accepts a contact alone as the customer', () => {
    const [, created] = spec
      .given([])
      .when(create({ contactId: CONTACT }))
      .events();
    expect(created!.data).toMatchObject({ accountId: null, contactId: CONTACT });
  });

  it('refuses an invoice without a customer (no account, contact, opportunity or quote)', () => {
    spec.given([]).when(create({})).thenThrows(ValidationError, { code: 'BAD_USER_INPUT', field: 'accountId' });
  });

  it('takes the account and contact of its opportunity when none is named', () => {
    const [, created] = spec
      .given([])
      .when(create({ opportunityId: OPPORTUNITY }, { opportunity: openOpportunity({ contactId: CONTACT }) }))
      .events();
    expect(created!.data).toMatchObject({ accountId: ACCOUNT, contactId: CONTACT, opportunityId: OPPORTUNITY });
  });

  it('takes the opportunity and account of its quote', () => {
    const [, created] = spec
      .given([])
      .when(create({ quoteId: QUOTE }, { quote: existingQuote(), opportunity: openOpportunity({}, 'WON') }))
      .events();
    expect(created!.data).toMatchObject({ accountId: ACCOUNT, opportunityId: OPPORTUNITY, quoteId: QUOTE });
  });

  it('refuses an opportunity that is not the quote’s', () => {
    spec
      .given([])
      .when(
        create(
          { quoteId: QUOTE, opportunityId: OTHER_OPPORTUNITY },
          { quote: existingQuote(), opportunity: openOpportunity(), opportunityId: OTHER_OPPORTUNITY },
        ),
      )
      .thenThrows(ValidationError, { field: 'opportunityId' });
  });

  it('refuses a quote that does not exist', () => {
    spec
      .given([])
      .when(create({ quoteId: QUOTE }, { quote: { exists: false } }))
      .thenThrows(NotFoundError, { field: 'quoteId' });
  });

  it.each([
    ['more than two decimals', '9.999'],
    ['negative', '-0.01'],
  ])('refuses a total that is %s, naming totalAmount', (_case, totalAmount) => {
    spec
      .given([])
      .when(create({ accountId: ACCOUNT, totalAmount }))
      .thenThrows(ValidationError, { field: 'totalAmount' });
  });

  it('refuses an invoice for an inactive account (RECORD_INACTIVE on accountId)', () => {
    spec
      .given([])
      .when(create({ accountId: ACCOUNT }, {}, parents([inactiveAccount()])))
      .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE', field: 'accountId' });
  });

  it('refuses an invoice for an inactive contact', () => {
    spec
      .given([])
      .when(create({ contactId: CONTACT }, {}, parents([], [contactState({ status: 'inactive' })])))
      .thenThrows(RecordInactiveError, { field: 'contactId' });
  });

  it('refuses an invoice from an opportunity whose account is inactive, even when billing another account', () => {
    spec
      .given([])
      .when(
        create(
          { accountId: OTHER_ACCOUNT, opportunityId: OPPORTUNITY },
          { opportunity: openOpportunity() },
          parents([activeAccount(OTHER_ACCOUNT), inactiveAccount()]),
        ),
      )
      .thenThrows(RecordInactiveError, { field: 'opportunityId', details: { recordType: 'ACCOUNT', id: ACCOUNT } });
  });

  it('records the due date in UTC', () => {
    const [, created] = spec
      .given([])
      .when(create({ accountId: ACCOUNT, dueDate: '2026-04-01T00:00:00+02:00' }))
      .events();
    expect(created!.data).toMatchObject({ dueDate: '2026-03-31T22:00:00.000Z' });
  });

  it('names every account and contact it hangs off, once', () => {
    const links = invoiceLinks(
      { accountId: ACCOUNT, quoteId: QUOTE },
      { id: QUOTE, state: existingQuote() },
      { id: OPPORTUNITY, state: openOpportunity({ contactId: CONTACT }) },
    );
    expect(links.parents).toEqual([
      { kind: 'account', id: ACCOUNT, field: 'accountId' },
      { kind: 'contact', id: CONTACT, field: 'opportunityId' },
    ]);
  });

  it('puts the number on the numbers’ stream and the invoice on its own', () => {
    const split = splitInvoiceCreation(spec.given([]).when(create()).events());
    expect(split.numbers.map((event) => event.type)).toEqual(['InvoiceNumberAllocated']);
    expect(split.invoice.map((event) => event.type)).toEqual(['InvoiceCreated']);
  });
});
