import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/**
 * One row per event of a record: what the audit log filters on (actor, record, time). The events themselves
 * stay in the event store; the log reads them from there, so it holds no personal data.
 */
export interface AuditLogTable {
  /** The event's global position: the table's integer primary key (written as text, as rows are keyed by id). */
  id: string;
  stream_id: string;
  record_type: string;
  record_id: string;
  /** Another record the event concerns (the account a contact was linked to or unlinked from): it shows in that record's history too. */
  related_id: string | null;
  stream_version: number;
  event_type: string;
  actor_id: string;
  occurred_at: string;
  command_id: string;
}

/** When a contact was linked to an account and when it was unlinked: the account's contacts on any date. */
export interface ContactLinksTable {
  /** `<contactId>:<version of the linking event>`. */
  id: string;
  contact_id: string;
  account_id: string;
  linked_at: string;
  linked_position: number;
  unlinked_at: string | null;
}

export async function createAuditTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .ifNotExists()
    .addColumn('id', types.integerKey, (col) => col.primaryKey())
    .addColumn('stream_id', 'text', (col) => col.notNull())
    .addColumn('record_type', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('related_id', 'text')
    .addColumn('stream_version', 'integer', (col) => col.notNull())
    .addColumn('event_type', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('command_id', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('contact_links')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('linked_at', 'text', (col) => col.notNull())
    .addColumn('linked_position', 'bigint', (col) => col.notNull())
    .addColumn('unlinked_at', 'text')
    .execute();
}

export async function createAuditIndexes(db: Kysely<ReadModels>): Promise<void> {
  const index = (name: string, table: 'audit_log' | 'contact_links', columns: string[]) =>
    db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  await index('audit_log_actor', 'audit_log', ['actor_id', 'id']);
  await index('audit_log_record', 'audit_log', ['record_id', 'id']);
  await index('audit_log_related', 'audit_log', ['related_id', 'id']);
  await index('audit_log_type', 'audit_log', ['record_type', 'id']);
  await index('audit_log_time', 'audit_log', ['occurred_at', 'id']);
  await index('contact_links_account', 'contact_links', ['account_id', 'linked_at']);
  await index('contact_links_contact', 'contact_links', ['contact_id', 'unlinked_at']);
}
