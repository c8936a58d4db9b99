import type { Kysely } from 'kysely';
import type { QuoteStatus } from '../../events';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per quote. */
export interface QuotesTable {
  id: string;
  /** `QUO-00001`, …: unique. */
  quote_number: string;
  name: string;
  opportunity_id: string;
  account_id: string | null;
  /** Exact decimal as text, two decimals ("1250.00"). */
  total_amount: string;
  status: QuoteStatus;
  /** ISO-8601 UTC. */
  created_at: string;
  modified_at: string;
  version: number;
}

export async function createQuotesTable(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('quotes')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('quote_number', types.sortKey, (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('opportunity_id', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text')
    .addColumn('total_amount', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
}

/** Quote numbers are unique (the read model says so too); an account's and an opportunity's quotes, newest first. */
export async function createQuotesIndexes(db: Kysely<ReadModels>): Promise<void> {
  await db.schema.createIndex('quotes_number').ifNotExists().unique().on('quotes').column('quote_number').execute();
  await db.schema.createIndex('quotes_account_created').ifNotExists().on('quotes').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema
    .createIndex('quotes_opportunity_created')
    .ifNotExists()
    .on('quotes')
    .columns(['opportunity_id', 'created_at', 'id'])
    .execute();
}
