import type { QuoteEvent } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { ValidationError } from '../errors';
import { requireOpen } from '../opportunity/opportunity.decider';
import type { OpportunityState } from '../opportunity/opportunity.state';
import { parentLinks, requireActiveParents, type ParentLink } from '../parent-records';
import { formatRecordNumber } from '../record-number';
import { SALES_LIMITS, requiredAmount } from '../sales-validation';
import { InputCheck } from '../validation';
import type { QuoteCommand } from './quote.commands';
import { evolveQuote, initialQuoteState, type QuoteState } from './quote.state';

export const quoteDecider: Decider<QuoteCommand, QuoteState, QuoteEvent> = {
  initialState: initialQuoteState,
  evolve: evolveQuote,
  decide(command, state) {
    switch (command.type) {
      case 'CreateQuoteFromOpportunity': {
        if (state.exists) throw ValidationError.of('id', `Quote ${command.quoteId} already exists`);
        const check = new InputCheck();
        const name = check.text('name', command.input.name, { max: SALES_LIMITS.quoteName });
        const totalAmount = requiredAmount(check, 'totalAmount', command.input.totalAmount);
        check.done();
        const { id: opportunityId } = command.opportunity;
        const opportunity = requireOpen(
          command.opportunity.state,
          opportunityId,
          'opportunityId',
          'quotes are created only from open opportunities',
        );
        requireActiveParents(
          quoteParents(command.opportunity.state),
          command.parents,
          'no new quote can be created from its opportunities',
        );
        const number = command.numbers.last + 1;
        const quoteNumber = formatRecordNumber('QUO', number);
        return [
          { type: 'QuoteNumberAllocated', schemaVersion: 1, data: { number, quoteNumber, quoteId: command.quoteId } },
          {
            type: 'QuoteCreated',
            schemaVersion: 1,
            data: {
              quoteId: command.quoteId,
              quoteNumber,
              name: name ?? opportunity.profile.topic,
              opportunityId,
              accountId: opportunity.profile.accountId,
              totalAmount,
            },
          },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
};

/**
 * What a quote hangs off besides its opportunity: the opportunity's account and contact. A quote from an open
 * opportunity whose account (or contact) was deactivated afterwards is refused.
 */
export function quoteParents(opportunity: OpportunityState): ParentLink[] {
  if (!opportunity.exists) return [];
  return parentLinks(opportunity.profile.accountId, opportunity.profile.contactId, { account: 'opportunityId', contact: 'opportunityId' });
}

/** The number's allocation is decided with the quote but lives on the quote numbers' stream. */
export function splitQuoteCreation(events: readonly QuoteEvent[]): { quote: QuoteEvent[]; numbers: QuoteEvent[] } {
  return {
    quote: events.filter((event) => event.type !== 'QuoteNumberAllocated'),
    numbers: events.filter((event) => event.type === 'QuoteNumberAllocated'),
  };
}
