import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per user of the CRM. */
export interface UsersTable {
  id: string;
  email: string;
  /** Lower-cased e-mail, for sign-in lookups. */
  email_key: string;
  name: string;
  /** JSON array of role names. */
  roles: string;
  /** INACTIVE once deactivated: the user's tokens are refused. */
  state: 'ACTIVE' | 'INACTIVE';
  /** The name folded for sorting. */
  name_key: string;
  /** Folded name and e-mail: what `search` matches. */
  search_text: string;
  created_at: string;
  modified_at: string;
  version: number;
}

export async function createUsersTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('email_key', types.sortKey, (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('roles', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('name_key', types.sortKey, (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('modified_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
}
