import type { InvoiceEvent, InvoiceStatus } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { NumberSequenceState } from '../record-number';

/** An invoice as its own events define it; `exists: false` before InvoiceCreated. */
export type InvoiceState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly invoiceNumber: string;
      readonly accountId: string | null;
      readonly contactId: string | null;
      readonly opportunityId: string | null;
      readonly quoteId: string | null;
      readonly totalAmount: string;
      readonly status: InvoiceStatus;
    };

export const initialInvoiceState: InvoiceState = { exists: false };

export function evolveInvoice(state: InvoiceState, event: InvoiceEvent): InvoiceState {
  switch (event.type) {
    case 'InvoiceCreated': {
      const { invoiceId, invoiceNumber, accountId, contactId, opportunityId, quoteId, totalAmount } = event.data;
      return { exists: true, id: invoiceId, invoiceNumber, accountId, contactId, opportunityId, quoteId, totalAmount, status: 'ACTIVE' };
    }
    case 'InvoiceNumberAllocated':
      // Lives on the invoice numbers' stream; an invoice's own stream never holds it.
      return state;
    default:
      return assertNever(event);
  }
}

/** The invoice numbers' stream folds to the last number given out. */
export function evolveInvoiceNumbers(state: NumberSequenceState, event: InvoiceEvent): NumberSequenceState {
  return event.type === 'InvoiceNumberAllocated' ? { last: event.data.number } : state;
}
