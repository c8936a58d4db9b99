import { defineProjection } from '../projection';
import { createQuotesIndexes, createQuotesTable } from './quote.table';

/** The quotes: one row per quote with its number, opportunity, account and total. */
export const quoteProjection = defineProjection({
  name: 'quotes',
  version: 1,
  tables: ['quotes'],
  createTables: createQuotesTable,
  createIndexes: createQuotesIndexes,
  rebuildInMemory: true,
  handlers: {
    QuoteCreated: (rows, event) =>
      rows.insert('quotes', {
        id: event.data.quoteId,
        quote_number: event.data.quoteNumber,
        name: event.data.name,
        opportunity_id: event.data.opportunityId,
        account_id: event.data.accountId,
        total_amount: event.data.totalAmount,
        status: 'DRAFT',
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      }),
  },
});
