import type { EventOf } from './event';

/** An invoice's status; a new invoice is ACTIVE. */
export const INVOICE_STATUSES = ['ACTIVE', 'PAID', 'CANCELED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * The next invoice number was given to an invoice: appended to the invoice numbers' own stream, with the
 * version that was read, together with the invoice's creation (unique and gapless, as for quotes).
 */
export type InvoiceNumberAllocated = EventOf<
  'InvoiceNumberAllocated',
  { readonly number: number; readonly invoiceNumber: string; readonly invoiceId: string }
>;

/** An invoice was created for an account and/or a contact, possibly from an opportunity or a quote; it starts ACTIVE. */
export type InvoiceCreated = EventOf<
  'InvoiceCreated',
  {
    readonly invoiceId: string;
    /** `INV-00001`, …: unique, given out without gaps. */
    readonly invoiceNumber: string;
    readonly name: string;
    readonly accountId: string | null;
    readonly contactId: string | null;
    readonly opportunityId: string | null;
    readonly quoteId: string | null;
    /** An exact decimal as a string with two decimals, e.g. "1250.00". */
    readonly totalAmount: string;
    /** ISO-8601 instant in UTC. */
    readonly dueDate: string | null;
  }
>;

export type InvoiceEvent = InvoiceCreated | InvoiceNumberAllocated;

export const INVOICE_EVENT_TYPES = ['InvoiceCreated', 'InvoiceNumberAllocated'] as const satisfies readonly InvoiceEvent['type'][];
