import type { Kysely, Selectable } from 'kysely';
import { afterCursor, decodeCursor, toPage, type Ordering, type Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { viewCondition, type RecordViewName } from '../record-views';
import { searchConditions } from '../search-condition';
import type { AccountsTable } from './account.table';

export type AccountRow = Selectable<AccountsTable>;
export type AccountOrderName = 'NAME_ASC' | 'NAME_DESC' | 'CREATED_DESC' | 'MODIFIED_DESC';

export const ACCOUNT_ORDERINGS: Readonly<Record<AccountOrderName, Ordering<Extract<keyof AccountsTable, string>>>> = {
  NAME_ASC: { key: 'NAME_ASC', columns: ['name_key', 'id'], direction: 'asc' },
  NAME_DESC: { key: 'NAME_DESC', columns: ['name_key', 'id'], direction: 'desc' },
  CREATED_DESC: { key: 'CREATED_DESC', columns: ['created_at', 'id'], direction: 'desc' },
  MODIFIED_DESC: { key: 'MODIFIED_DESC', columns: ['modified_at', 'id'], direction: 'desc' },
};

export interface AccountFilter {
  readonly view: RecordViewName;
  readonly viewerId: string;
  readonly search?: string | null;
  readonly ownerId?: string | null;
}

export interface AccountListRequest extends AccountFilter {
  readonly orderBy: AccountOrderName;
  readonly first: number;
  readonly after?: string | null;
}

export async function accountsByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();
}

export async function listAccounts(db: Kysely<ReadModels>, request: AccountListRequest): Promise<Page<AccountRow>> {
  const ordering = ACCOUNT_ORDERINGS[request.orderBy];
  let query = filtered(db, request).selectAll();
  if (request.after) query = query.where(afterCursor(ordering, decodeCursor(ordering, request.after)));
  for (const column of ordering.columns) query = query.orderBy(column, ordering.direction);
  const rows = await query.limit(request.first + 1).execute();
  return toPage(rows, request.first);
}

export async function countAccounts(db: Kysely<ReadModels>, filter: AccountFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function filtered(db: Kysely<ReadModels>, filter: AccountFilter) {
  let query = db.selectFrom('accounts').where(viewCondition(filter.view, filter.viewerId, 'accounts'));
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  for (const condition of searchConditions(filter.search, 'search_text')) query = query.where(condition);
  return query;
}
