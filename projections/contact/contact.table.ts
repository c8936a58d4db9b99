import { sql, type Kysely } from 'kysely';
import { withAddressColumns, type AddressColumns } from '../address-columns';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per contact: its current fields, its account, state and version (the contacts list view). */
export interface ContactsTable extends AddressColumns {
  id: string;
  first_name: string;
  last_name: string;
  full_name: string;
  /** Names folded for sorting (lower-case, no accents). */
  first_name_key: string;
  last_name_key: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  mobile_phone: string | null;
  description: string | null;
  /** The one account the contact belongs to, if any. */
  account_id: string | null;
  owner_id: string;
  state: 'ACTIVE' | 'INACTIVE';
  created_at: string;
  modified_at: string;
  version: number;
  /** Folded full name and e-mail: what `search` matches. */
  search_text: string;
  /** When the person's data was erased (the personal columns are blank from then on). */
  personal_data_erased_at: string | null;
}

export async function createContactsTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  let table = db.schema
    .createTable('contacts')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('last_name', 'text', (col) => col.notNull())
    .addColumn('full_name', 'text', (col) => col.notNull())
    .addColumn('first_name_key', types.sortKey, (col) => col.notNull())
    .addColumn('last_name_key', types.sortKey, (col) => col.notNull())
    .addColumn('job_title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('mobile_phone', 'text')
    .addColumn('description', 'text');
  table = withAddressColumns(table, types);
  await table
    .addColumn('account_id', 'text')
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('personal_data_erased_at', 'text')
    .execute();
}

/** The indexes behind the list views (each view and ordering, an account's contacts) and the e-mail lookup. */
export async function createContactsIndexes(db: Kysely<ReadModels>): Promise<void> {
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).ifNotExists().on('contacts').columns(columns).execute();
  await index('contacts_state_name', ['state', 'last_name_key', 'first_name_key', 'id']);
  await index('contacts_owner_state_name', ['owner_id', 'state', 'last_name_key', 'first_name_key', 'id']);
  await index('contacts_account_state_name', ['account_id', 'state', 'last_name_key', 'first_name_key', 'id']);
  await index('contacts_state_created', ['state', 'created_at', 'id']);
  await index('contacts_state_modified', ['state', 'modified_at', 'id']);
  // Finding a contact by e-mail whatever its case (import's duplicate check) without reading every contact.
  await db.schema
    .createIndex('contacts_email_lower')
    .ifNotExists()
    .on('contacts')
    .expression(sql`lower(email)`)
    .execute();
}
