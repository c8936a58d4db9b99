import { defineProjection } from '../projection';
import { createInvoicesIndexes, createInvoicesTable } from './invoice.table';

/** The invoices: one row per invoice with its number, customer, origin and total. */
export const invoiceProjection = defineProjection({
  name: 'invoices',
  version: 1,
  tables: ['invoices'],
  createTables: createInvoicesTable,
  createIndexes: createInvoicesIndexes,
  rebuildInMemory: true,
  handlers: {
    InvoiceCreated: (rows, event) =>
      rows.insert('invoices', {
        id: event.data.invoiceId,
        invoice_number: event.data.invoiceNumber,
        name: event.data.name,
        account_id: event.data.accountId,
        contact_id: event.data.contactId,
        opportunity_id: event.data.opportunityId,
        quote_id: event.data.quoteId,
        total_amount: event.data.totalAmount,
        due_date: event.data.dueDate,
        status: 'ACTIVE',
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      }),
  },
});
