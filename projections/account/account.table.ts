import { sql, type Kysely } from 'kysely';
import type { AddressColumns } from '../address-columns';
import { withAddressColumns } from '../address-columns';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per account: its current fields, state and version (the accounts list view). */
export interface AccountsTable extends AddressColumns {
  id: string;
  name: string;
  /** The name folded for sorting (lower-case, no accents). */
  name_key: string;
  account_number: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  industry: string | null;
  /** Exact decimal as text, two decimals ("1250000.00"). */
  annual_revenue: string | null;
  number_of_employees: number | null;
  description: string | null;
  parent_account_id: string | null;
  primary_contact_id: string | null;
  owner_id: string;
  state: 'ACTIVE' | 'INACTIVE';
  /** ISO-8601 UTC. */
  created_at: string;
  modified_at: string;
  version: number;
  /** Folded name, account number and e-mail: what `search` matches. */
  search_text: string;
}

export async function createAccountsTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  let table = db.schema
    .createTable('accounts')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', types.sortKey, (col) => col.notNull())
    .addColumn('account_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('industry', 'text')
    .addColumn('annual_revenue', 'text')
    .addColumn('number_of_employees', 'integer')
    .addColumn('description', 'text');
  table = withAddressColumns(table, types);
  await table
    .addColumn('parent_account_id', 'text')
    .addColumn('primary_contact_id', 'text')
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .execute();
}

/** The indexes behind the list views (each view and ordering, the hierarchy) and the account-number lookup. */
export async function createAccountsIndexes(db: Kysely<ReadModels>): Promise<void> {
  await db.schema.createIndex('accounts_state_name').ifNotExists().on('accounts').columns(['state', 'name_key', 'id']).execute();
  await db.schema
    .createIndex('accounts_owner_state_name')
    .ifNotExists()
    .on('accounts')
    .columns(['owner_id', 'state', 'name_key', 'id'])
    .execute();
  await db.schema.createIndex('accounts_state_created').ifNotExists().on('accounts').columns(['state', 'created_at', 'id']).execute();
  await db.schema.createIndex('accounts_state_modified').ifNotExists().on('accounts').columns(['state', 'modified_at', 'id']).execute();
  await db.schema.createIndex('accounts_parent').ifNotExists().on('accounts').column('parent_account_id').execute();
  // Finding an account by its number whatever its case (import's duplicate check and contact linking).
  await db.schema
    .createIndex('accounts_number_lower')
    .ifNotExists()
    .on('accounts')
    .expression(sql`lower(account_number)`)
    .execute();
}
