import type { Kysely, Selectable } from 'kysely';
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
