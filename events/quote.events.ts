import type { EventOf } from './event';

/** A quote's status; a new quote is a DRAFT. */
export const QUOTE_STATUSES = ['DRAFT', 'ACTIVE', 'WON', 'CLOSED'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/**
 * The next quote number was given to a quote. Appended to the quote numbers' own stream with the version
 * that was read, in the same append as the quote's creation: the stream's version is the last number given,
 * so two quotes can never get the same number and no number is skipped.
 */
export type QuoteNumberAllocated = EventOf<
  'QuoteNumberAllocated',
  { readonly number: number; readonly quoteNumber: string; readonly quoteId: string }
>;

/** A quote was created from an open opportunity, for the opportunity's account; it starts as a DRAFT. */
export type QuoteCreated = EventOf<
  'QuoteCreated',
  {
    readonly quoteId: string;
    /** `QUO-00001`, …: unique, given out without gaps. */
    readonly quoteNumber: string;
    readonly name: string;
    readonly opportunityId: string;
    /** The opportunity's account when the quote was created (null when the opportunity has only a contact). */
    readonly accountId: string | null;
    /** An exact decimal as a string with two decimals, e.g. "1250.00". */
    readonly totalAmount: string;
  }
>;

export type QuoteEvent = QuoteCreated | QuoteNumberAllocated;

export const QUOTE_EVENT_TYPES = ['QuoteCreated', 'QuoteNumberAllocated'] as const satisfies readonly QuoteEvent['type'][];
