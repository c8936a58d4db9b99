import type { QuoteEvent, QuoteStatus } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { NumberSequenceState } from '../record-number';

/** A quote as its own events define it; `exists: false` before QuoteCreated. */
export type QuoteState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly quoteNumber: string;
      readonly name: string;
      readonly opportunityId: string;
      readonly accountId: string | null;
      readonly totalAmount: string;
      readonly status: QuoteStatus;
    };

export const initialQuoteState: QuoteState = { exists: false };

export function evolveQuote(state: QuoteState, event: QuoteEvent): QuoteState {
  switch (event.type) {
    case 'QuoteCreated': {
      const { quoteId, ...fields } = event.data;
      return { exists: true, id: quoteId, ...fields, status: 'DRAFT' };
    }
    case 'QuoteNumberAllocated':
      // Lives on the quote numbers' stream; a quote's own stream never holds it.
      return state;
    default:
      return assertNever(event);
  }
}

/** The quote numbers' stream folds to the last number given out. */
export function evolveQuoteNumbers(state: NumberSequenceState, event: QuoteEvent): NumberSequenceState {
  return event.type === 'QuoteNumberAllocated' ? { last: event.data.number } : state;
}
