import type { Kysely, Selectable } from 'kysely';
import type { Ordering, Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { relatedList } from '../related-lists';
import type { InvoicesTable } from './invoice.table';

export type InvoiceRow = Selectable<InvoicesTable>;

/** Related invoices are listed newest first. */
export const INVOICE_ORDERING: Ordering<Extract<keyof InvoicesTable, string>> = {
  key: 'CREATED_DESC',
  columns: ['created_at', 'id'],
  direction: 'desc',
};

export async function invoicesByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('invoices').selectAll().where('id', 'in', ids).execute();
}

/** Invoices are related to their account only. */
const relatedInvoices = relatedList<'invoices', 'account_id', null>({ table: 'invoices', ordering: INVOICE_ORDERING, filterColumn: null });

/** The first page of each account's invoices, in one statement. */
export async function invoicesOfAccounts(
  db: Kysely<ReadModels>,
  accountIds: readonly string[],
  first: number,
): Promise<Map<string, Page<InvoiceRow>>> {
  return relatedInvoices.firstPages(db, 'account_id', accountIds, { first, filter: null });
}

/** How many invoices each account has, in one statement. */
export async function countInvoicesOfAccounts(db: Kysely<ReadModels>, accountIds: readonly string[]): Promise<Map<string, number>> {
  return relatedInvoices.counts(db, 'account_id', accountIds, null);
}

/** A later page of one account's invoices, after a cursor. */
export async function listInvoicesOfAccount(
  db: Kysely<ReadModels>,
  accountId: string,
  request: { readonly first: number; readonly after: string },
): Promise<Page<InvoiceRow>> {
  return relatedInvoices.pageAfter(db, 'account_id', accountId, { ...request, filter: null });
}
