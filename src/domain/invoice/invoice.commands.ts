import type { OpportunityState } from '../opportunity/opportunity.state';
import type { ParentStates } from '../parent-records';
import type { QuoteState } from '../quote/quote.state';
import type { NumberSequenceState } from '../record-number';
import type { RecordRef } from '../record-ref';

/** What a client sends to create an invoice; the amount is a decimal text, the due date an ISO-8601 instant. */
export interface InvoiceInput {
  readonly name: string;
  readonly accountId?: string | null;
  readonly contactId?: string | null;
  readonly opportunityId?: string | null;
  readonly quoteId?: string | null;
  readonly totalAmount: string;
  readonly dueDate?: string | null;
}

export type InvoiceCommand = {
  readonly type: 'CreateInvoice';
  readonly invoiceId: string;
  readonly input: InvoiceInput;
  /** The quote named, if any. */
  readonly quote: RecordRef<QuoteState> | null;
  /** The opportunity named, or the quote's (see `invoiceOpportunityId`). */
  readonly opportunity: RecordRef<OpportunityState> | null;
  /** Every account and contact the invoice hangs off (see `invoiceLinks`). */
  readonly parents: ParentStates;
  /** The invoice numbers given out so far. */
  readonly numbers: NumberSequenceState;
};
