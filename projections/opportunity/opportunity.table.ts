import type { Kysely } from 'kysely';
import type { OpportunityStatus } from '../../events';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per opportunity: its current fields, status and version. */
export interface OpportunitiesTable {
  id: string;
  topic: string;
  /** The potential customer: an account, a contact, or both. */
  account_id: string | null;
  contact_id: string | null;
  /** Exact decimal as text, two decimals ("125000.00"). */
  estimated_revenue: string | null;
  /** ISO-8601 UTC. */
  estimated_close_date: string | null;
  /** 0–100. */
  probability: number | null;
  status: OpportunityStatus;
  owner_id: string;
  /** ISO-8601 UTC. */
  created_at: string;
  modified_at: string;
  /** When it was won or lost. */
  closed_at: string | null;
  version: number;
}

export async function createOpportunitiesTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('opportunities')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('estimated_revenue', 'text')
    .addColumn('estimated_close_date', 'text')
    .addColumn('probability', 'integer')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
}

/** The indexes behind the related lists: an account's or a contact's opportunities, newest first, by status. */
export async function createOpportunitiesIndexes(db: Kysely<ReadModels>): Promise<void> {
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).ifNotExists().on('opportunities').columns(columns).execute();
  await index('opportunities_account_created', ['account_id', 'created_at', 'id']);
  await index('opportunities_account_status_created', ['account_id', 'status', 'created_at', 'id']);
  await index('opportunities_contact_created', ['contact_id', 'created_at', 'id']);
  await index('opportunities_contact_status_created', ['contact_id', 'status', 'created_at', 'id']);
}
