import type { Kysely, Selectable } from 'kysely';
import { afterCursor, decodeCursor, toPage, type Ordering, type Page } from '../pagination';
import { searchConditions } from '../search-condition';
import type { Role } from '../../events';
import type { ReadModels } from '../read-models';
import type { UsersTable } from './user.table';

export type UserRow = Selectable<UsersTable>;

export async function usersByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function userByEmail(db: Kysely<ReadModels>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_key', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function countUsers(db: Kysely<ReadModels>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function rolesOf(row: Pick<UserRow, 'roles'>): Role[] {
  return JSON.parse(row.roles) as Role[];
}

export const USER_ORDERING: Ordering<'name_key' | 'id'> = { key: 'USERS_BY_NAME', columns: ['name_key', 'id'], direction: 'asc' };

/** Users by name (folded), optionally searched by name or e-mail. */
export async function listUsers(
  db: Kysely<ReadModels>,
  request: { first: number; after?: string | null; search?: string | null },
): Promise<Page<UserRow>> {
  let query = filteredUsers(db, request.search).selectAll();
  if (request.after) query = query.where(afterCursor(USER_ORDERING, decodeCursor(USER_ORDERING, request.after)));
  for (const column of USER_ORDERING.columns) query = query.orderBy(column, 'asc');
  return toPage(await query.limit(request.first + 1).execute(), request.first);
}

export async function countListedUsers(db: Kysely<ReadModels>, search?: string | null): Promise<number> {
  const row = await filteredUsers(db, search)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function filteredUsers(db: Kysely<ReadModels>, search: string | null | undefined) {
  let query = db.selectFrom('users');
  for (const condition of searchConditions(search, 'search_text')) query = query.where(condition);
  return query;
}
