import type { Kysely, Selectable } from 'kysely';
import type { Ordering, Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { relatedList } from '../related-lists';
import type { QuotesTable } from './quote.table';

export type QuoteRow = Selectable<QuotesTable>;
/** The columns a quote is related through: its account or its opportunity. */
export type QuoteParent = 'account_id' | 'opportunity_id';

/** Related quotes are listed newest first. */
export const QUOTE_ORDERING: Ordering<Extract<keyof QuotesTable, string>> = {
  key: 'CREATED_DESC',
  columns: ['created_at', 'id'],
  direction: 'desc',
};

export async function quotesByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<QuoteRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('quotes').selectAll().where('id', 'in', ids).execute();
}

const relatedQuotes = relatedList<'quotes', QuoteParent, null>({ table: 'quotes', ordering: QUOTE_ORDERING, filterColumn: null });

/** The first page of each parent's quotes, in one statement. */
export async function quotesOf(
  db: Kysely<ReadModels>,
  parent: QuoteParent,
  parentIds: readonly string[],
  first: number,
): Promise<Map<string, Page<QuoteRow>>> {
  return relatedQuotes.firstPages(db, parent, parentIds, { first, filter: null });
}

/** How many quotes each parent has, in one statement. */
export async function countQuotesOf(
  db: Kysely<ReadModels>,
  parent: QuoteParent,
  parentIds: readonly string[],
): Promise<Map<string, number>> {
  return relatedQuotes.counts(db, parent, parentIds, null);
}

/** A later page of one parent's quotes, after a cursor. */
export async function listQuotesOf(
  db: Kysely<ReadModels>,
  parent: QuoteParent,
  parentId: string,
  request: { readonly first: number; readonly after: string },
): Promise<Page<QuoteRow>> {
  return relatedQuotes.pageAfter(db, parent, parentId, { ...request, filter: null });
}
