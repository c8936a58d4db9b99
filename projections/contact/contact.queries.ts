import type { Kysely, Selectable } from 'kysely';
import { afterCursor, decodeCursor, toPage, type Ordering, type Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { viewCondition, type RecordViewName } from '../record-views';
import { searchConditions } from '../search-condition';
import type { ContactsTable } from './contact.table';

export type ContactRow = Selectable<ContactsTable>;
export type ContactOrderName = 'LAST_NAME_ASC' | 'LAST_NAME_DESC' | 'CREATED_DESC' | 'MODIFIED_DESC';

export const CONTACT_ORDERINGS: Readonly<Record<ContactOrderName, Ordering<Extract<keyof ContactsTable, string>>>> = {
  LAST_NAME_ASC: { key: 'LAST_NAME_ASC', columns: ['last_name_key', 'first_name_key', 'id'], direction: 'asc' },
  LAST_NAME_DESC: { key: 'LAST_NAME_DESC', columns: ['last_name_key', 'first_name_key', 'id'], direction: 'desc' },
  CREATED_DESC: { key: 'CREATED_DESC', columns: ['created_at', 'id'], direction: 'desc' },
  MODIFIED_DESC: { key: 'MODIFIED_DESC', columns: ['modified_at', 'id'], direction: 'desc' },
};

export interface ContactFilter {
  readonly view: RecordViewName;
  readonly viewerId: string;
  readonly search?: string | null;
  readonly accountId?: string | null;
  readonly ownerId?: string | null;
}

export interface ContactListRequest extends ContactFilter {
  readonly orderBy: ContactOrderName;
  readonly first: number;
  readonly after?: string | null;
}

export async function contactsByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute();
}

export async function listContacts(db: Kysely<ReadModels>, request: ContactListRequest): Promise<Page<ContactRow>> {
  const ordering = CONTACT_ORDERINGS[request.orderBy];
  let query = filtered(db, request).selectAll();
  if (request.after) query = query.where(afterCursor(ordering, decodeCursor(ordering, request.after)));
  for (const column of ordering.columns) query = query.orderBy(column, ordering.direction);
  return toPage(await query.limit(request.first + 1).execute(), request.first);
}

export async function countContacts(db: Kysely<ReadModels>, filter: ContactFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface RelatedContactsRequest {
  readonly view: RecordViewName;
  readonly viewerId: string;
  readonly first: number;
}

/**
 * The first `first` contacts (by last name) of each of several accounts, in one statement: a window
 * function numbers each account's contacts, so the cost does not grow with the number of accounts.
 */
export async function contactsOfAccounts(
  db: Kysely<ReadModels>,
  accountIds: readonly string[],
  request: RelatedContactsRequest,
): Promise<Map<string, Page<ContactRow>>> {
  const pages = new Map<string, Page<ContactRow>>();
  if (accountIds.length === 0) return pages;
  const ranked = db
    .selectFrom('contacts')
    .selectAll()
    .select((eb) =>
      eb.fn
        .agg<number>('row_number', [])
        .over((over) => over.partitionBy('account_id').orderBy('last_name_key').orderBy('first_name_key').orderBy('id'))
        .as('rank'),
    )
    .where('account_id', 'in', accountIds)
    .where(viewCondition(request.view, request.viewerId, 'contacts'));
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('rank', '<=', request.first + 1)
    .orderBy('account_id')
    .orderBy('rank')
    .execute();
  const grouped = new Map<string, ContactRow[]>();
  for (const { rank: _rank, ...row } of rows) {
    const list = grouped.get(row.account_id!) ?? [];
    list.push(row);
    grouped.set(row.account_id!, list);
  }
  for (const id of accountIds) pages.set(id, toPage(grouped.get(id) ?? [], request.first));
  return pages;
}

/** How many contacts each account has in a view, in one statement. */
export async function countContactsOfAccounts(
  db: Kysely<ReadModels>,
  accountIds: readonly string[],
  view: RecordViewName,
  viewerId: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(accountIds.map((id) => [id, 0]));
  if (accountIds.length === 0) return counts;
  const rows = await db
    .selectFrom('contacts')
    .select(['account_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('account_id', 'in', accountIds)
    .where(viewCondition(view, viewerId, 'contacts'))
    .groupBy('account_id')
    .execute();
  for (const row of rows) counts.set(row.account_id!, Number(row.count));
  return counts;
}

export function filtered(db: Kysely<ReadModels>, filter: ContactFilter) {
  let query = db.selectFrom('contacts').where(viewCondition(filter.view, filter.viewerId, 'contacts'));
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  for (const condition of searchConditions(filter.search, 'search_text')) query = query.where(condition);
  return query;
}
