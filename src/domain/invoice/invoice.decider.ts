import type { InvoiceEvent } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import type { OpportunityState } from '../opportunity/opportunity.state';
import { requireActiveParents, type ParentLink } from '../parent-records';
import type { QuoteState } from '../quote/quote.state';
import { formatRecordNumber } from '../record-number';
import type { RecordRef } from '../record-ref';
import { SALES_LIMITS, checkInstant, requiredAmount } from '../sales-validation';
import { InputCheck } from '../validation';
import type { InvoiceCommand, InvoiceInput } from './invoice.commands';
import { evolveInvoice, initialInvoiceState, type InvoiceState } from './invoice.state';

export const invoiceDecider: Decider<InvoiceCommand, InvoiceState, InvoiceEvent> = {
  initialState: initialInvoiceState,
  evolve: evolveInvoice,
  decide(command, state) {
    switch (command.type) {
      case 'CreateInvoice': {
        if (state.exists) throw ValidationError.of('id', `Invoice ${command.invoiceId} already exists`);
        const { input } = command;
        const check = new InputCheck();
        const name = check.required('name', input.name, { max: SALES_LIMITS.invoiceName });
        const totalAmount = requiredAmount(check, 'totalAmount', input.totalAmount);
        const dueDate = checkInstant(check, 'dueDate', input.dueDate);
        check.done();
        const links = invoiceLinks(input, command.quote, command.opportunity);
        requireActiveParents(links.parents, command.parents, 'no new invoice can be created for it');
        const number = command.numbers.last + 1;
        const invoiceNumber = formatRecordNumber('INV', number);
        return [
          { type: 'InvoiceNumberAllocated', schemaVersion: 1, data: { number, invoiceNumber, invoiceId: command.invoiceId } },
          {
            type: 'InvoiceCreated',
            schemaVersion: 1,
            data: {
              invoiceId: command.invoiceId,
              invoiceNumber,
              name,
              accountId: links.accountId,
              contactId: links.contactId,
              opportunityId: links.opportunityId,
              quoteId: links.quoteId,
              totalAmount,
              dueDate: dueDate ?? null,
            },
          },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
};

/** The opportunity an invoice comes from: the one named, else its quote's (the quote must exist). */
export function invoiceOpportunityId(input: Pick<InvoiceInput, 'opportunityId' | 'quoteId'>, quote: QuoteState | null): string | null {
  if (input.opportunityId) return input.opportunityId;
  return quote?.exists ? quote.opportunityId : null;
}

/** What an invoice points to and hangs off. */
export interface InvoiceLinks {
  readonly accountId: string | null;
  readonly contactId: string | null;
  readonly opportunityId: string | null;
  readonly quoteId: string | null;
  /** Every account and contact the invoice hangs off: its own, and those of its quote and opportunity. */
  readonly parents: readonly ParentLink[];
}

/**
 * An invoice is for an account and/or a contact: the ones named, else those of its quote and opportunity. It may
 * come from a quote (then from the quote's opportunity) or from an opportunity; it hangs off all of their accounts
 * and contacts, so none of them may be inactive.
 */
export function invoiceLinks(
  input: Omit<InvoiceInput, 'name' | 'totalAmount' | 'dueDate'>,
  quote: RecordRef<QuoteState> | null,
  opportunity: RecordRef<OpportunityState> | null,
): InvoiceLinks {
  const quoteState = quote?.state ?? null;
  if (quote && !quote.state.exists) throw new NotFoundError('quote', quote.id, 'quoteId');
  if (opportunity && !opportunity.state.exists) throw new NotFoundError('opportunity', opportunity.id, 'opportunityId');
  const fromQuote = quoteState?.exists ? quoteState : null;
  const fromOpportunity = opportunity?.state.exists ? opportunity.state : null;
  if (fromQuote && opportunity && fromQuote.opportunityId !== opportunity.id) {
    throw ValidationError.of('opportunityId', `is not the opportunity of quote ${fromQuote.quoteNumber} (${fromQuote.opportunityId})`);
  }
  const accountId = input.accountId ?? fromQuote?.accountId ?? fromOpportunity?.profile.accountId ?? null;
  const contactId = input.contactId ?? fromOpportunity?.profile.contactId ?? null;
  if (accountId === null && contactId === null) {
    throw ValidationError.of('accountId', 'an invoice needs a customer: an account or a contact, named or from its quote or opportunity');
  }
  const parents: ParentLink[] = [];
  const add = (kind: ParentLink['kind'], id: string | null | undefined, field: string) => {
    if (id && !parents.some((link) => link.kind === kind && link.id === id)) parents.push({ kind, id, field });
  };
  add('account', accountId, input.accountId ? 'accountId' : fromQuote ? 'quoteId' : 'opportunityId');
  add('contact', contactId, input.contactId ? 'contactId' : 'opportunityId');
  add('account', fromQuote?.accountId, 'quoteId');
  add('account', fromOpportunity?.profile.accountId, 'opportunityId');
  add('contact', fromOpportunity?.profile.contactId, 'opportunityId');
  return {
    accountId,
    contactId,
    opportunityId: opportunity?.id ?? null,
    quoteId: quote?.id ?? null,
    parents,
  };
}

/**
 * The accounts and contacts a command handler loads for an invoice: those `invoiceLinks` names, or none when it
 * refuses (the decider then refuses the same way, after checking the input).
 */
export function invoiceParents(
  input: Omit<InvoiceInput, 'name' | 'totalAmount' | 'dueDate'>,
  quote: RecordRef<QuoteState> | null,
  opportunity: RecordRef<OpportunityState> | null,
): readonly ParentLink[] {
  try {
    return invoiceLinks(input, quote, opportunity).parents;
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
}

/** The number's allocation is decided with the invoice but lives on the invoice numbers' stream. */
export function splitInvoiceCreation(events: readonly InvoiceEvent[]): { invoice: InvoiceEvent[]; numbers: InvoiceEvent[] } {
  return {
    invoice: events.filter((event) => event.type !== 'InvoiceNumberAllocated'),
    numbers: events.filter((event) => event.type === 'InvoiceNumberAllocated'),
  };
}
