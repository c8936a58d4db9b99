import { NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import type { QuoteCommand } from '../../../src/domain/quote/quote.commands';
import { quoteDecider, splitQuoteCreation } from '../../../src/domain/quote/quote.decider';
import { evolveQuoteNumbers } from '../../../src/domain/quote/quote.state';
import { initialNumberSequence } from '../../../src/domain/record-number';
import type { OpportunityState } from '../../../src/domain/opportunity/opportunity.state';
import { deciderSpec } from '../../support/decider-spec';
import { CONTACT, activeAccount, contactState, inactiveAccount } from '../../support/event-builders';
import { ACCOUNT, ACTIVE_PARENTS, OPPORTUNITY, QUOTE, openOpportunity, parents, quoteCreated } from '../../support/sales-builders';

const spec = deciderSpec(quoteDecider);
const create = (
  input: { name?: string | null; totalAmount?: string } = {},
  opportunity: OpportunityState = openOpportunity(),
  states = ACTIVE_PARENTS,
  last = 0,
): QuoteCommand => ({
  type: 'CreateQuoteFromOpportunity',
  quoteId: QUOTE,
  opportunity: { id: OPPORTUNITY, state: opportunity },
  input: { totalAmount: '100', ...input },
  parents: states,
  numbers: { last },
});
const allocated = (number: number, quoteNumber: string) =>
  ({ type: 'QuoteNumberAllocated', schemaVersion: 1, data: { number, quoteNumber, quoteId: QUOTE } }) as const;

describe('quote decider', () => {
  it('creates a quote from an open opportunity, for its account, with the first number QUO-00001', () => {
    spec
      .given([])
      .when(create())
      .then([allocated(1, 'QUO-00001'), quoteCreated()]);
  });

  it('gives the number after the last one given out', () => {
    const [allocation, created] = spec
      .given([])
      .when(create({}, openOpportunity(), ACTIVE_PARENTS, 41))
      .events();
    expect(allocation).toEqual(allocated(42, 'QUO-00042'));
    expect(created!.data).toMatchObject({ quoteNumber: 'QUO-00042' });
  });

  it('keeps counting past five digits', () => {
    const [allocation] = spec
      .given([])
      .when(create({}, openOpportunity(), ACTIVE_PARENTS, 99_999))
      .events();
    expect(allocation!.data).toMatchObject({ quoteNumber: 'QUO-100000' });
  });

  it('names the quote after the opportunity unless a name is given', () => {
    expect(
      spec
        .given([])
        .when(create({ name: '  Offer A  ' }))
        .events()[1]!.data,
    ).toMatchObject({ name: 'Offer A' });
    expect(
      spec
        .given([])
        .when(create({ name: null }))
        .events()[1]!.data,
    ).toMatchObject({ name: 'CRM rollout' });
  });

  it('takes its account from the opportunity (none when the opportunity has only a contact)', () => {
    const onlyContact = openOpportunity({ accountId: null, contactId: CONTACT });
    const [, created] = spec
      .given([])
      .when(create({}, onlyContact, parents([], [contactState()])))
      .events();
    expect(created!.data).toMatchObject({ accountId: null });
  });

  it.each([
    ['more than two decimals', '1.005', 'must have at most 2 decimal places'],
    ['negative', '-1.00', 'must not be negative'],
  ])('refuses a total that is %s, naming totalAmount', (_case, totalAmount, message) => {
    spec
      .given([])
      .when(create({ totalAmount }))
      .thenThrows(ValidationError, { field: 'totalAmount', issues: [{ field: 'totalAmount', message }] });
  });

  it('refuses a quote without a total', () => {
    spec
      .given([])
      .when(create({ totalAmount: undefined }))
      .thenThrows(ValidationError, { field: 'totalAmount' });
  });

  it.each(['WON', 'LOST'] as const)('refuses a quote from a %s opportunity (closed: read-only)', (status) => {
    spec
      .given([])
      .when(create({}, openOpportunity({}, status)))
      .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE', field: 'opportunityId' });
  });

  it('refuses a quote from an opportunity that does not exist', () => {
    spec
      .given([])
      .when(create({}, { exists: false }))
      .thenThrows(NotFoundError, { field: 'opportunityId' });
  });

  it('refuses a quote from an open opportunity whose account was deactivated afterwards', () => {
    spec
      .given([])
      .when(create({}, openOpportunity(), parents([inactiveAccount()])))
      .thenThrows(RecordInactiveError, {
        code: 'RECORD_INACTIVE',
        field: 'opportunityId',
        details: { recordType: 'ACCOUNT', id: ACCOUNT },
      });
  });

  it('refuses a quote from an open opportunity whose contact was deactivated', () => {
    const withContact = openOpportunity({ contactId: CONTACT });
    spec
      .given([])
      .when(create({}, withContact, parents([activeAccount()], [contactState({ status: 'inactive' })])))
      .thenThrows(RecordInactiveError, { details: { recordType: 'CONTACT', id: CONTACT } });
  });

  it('puts the number on the numbers’ stream and the quote on its own', () => {
    const split = splitQuoteCreation(spec.given([]).when(create()).events());
    expect(split.numbers.map((event) => event.type)).toEqual(['QuoteNumberAllocated']);
    expect(split.quote.map((event) => event.type)).toEqual(['QuoteCreated']);
  });

  it('folds the numbers’ stream to the last number given', () => {
    const state = [allocated(1, 'QUO-00001'), allocated(2, 'QUO-00002')].reduce(evolveQuoteNumbers, initialNumberSequence);
    expect(state).toEqual({ last: 2 });
  });
});
