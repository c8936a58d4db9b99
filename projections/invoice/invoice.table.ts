import type { Kysely } from 'kysely';
import type { InvoiceStatus } from '../../events';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per invoice. */
export interface InvoicesTable {
  id: string;
  /** `INV-00001`, …: unique. */
  invoice_number: string;
  name: string;
  account_id: string | null;
  contact_id: string | null;
  opportunity_id: string | null;
  quote_id: string | null;
  /** Exact decimal as text, two decimals ("1250.00"). */
  total_amount: string;
  /** ISO-8601 UTC. */
  due_date: string | null;
  status: InvoiceStatus;
  created_at: string;
  modified_at: string;
  version: number;
}

export async function createInvoicesTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('invoices')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoice_number', types.sortKey, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('opportunity_id', 'text')
    .addColumn('quote_id', 'text')
    .addColumn('total_amount', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
}

/** Invoice numbers are unique (the read model says so too); an account's invoices, newest first. */
export async function createInvoicesIndexes(db: Kysely<ReadModels>): Promise<void> {
  await db.schema.createIndex('invoices_number').ifNotExists().unique().on('invoices').column('invoice_number').execute();
  await db.schema
    .createIndex('invoices_account_created')
    .ifNotExists()
    .on('invoices')
    .columns(['account_id', 'created_at', 'id'])
    .execute();
}
