import type { OpportunityState } from '../opportunity/opportunity.state';
import type { ParentStates } from '../parent-records';
import type { NumberSequenceState } from '../record-number';
import type { RecordRef } from '../record-ref';

/** What a client sends to create a quote; the amount is a decimal text. */
export interface QuoteInput {
  /** The opportunity's topic when left out. */
  readonly name?: string | null;
  readonly totalAmount: string;
}

export type QuoteCommand = {
  readonly type: 'CreateQuoteFromOpportunity';
  readonly quoteId: string;
  readonly opportunity: RecordRef<OpportunityState>;
  readonly input: QuoteInput;
  /** The opportunity's account and contact (see `quoteParents`). */
  readonly parents: ParentStates;
  /** The quote numbers given out so far. */
  readonly numbers: NumberSequenceState;
};
