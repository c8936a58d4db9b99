import { CRM_EVENT_TYPES, type RecordedEvent } from '../../events';
import { recordOfStreamId } from '../../src/history/record-kinds';
import { defineProjection, type EventHandlers } from '../projection';
import type { RowWriter } from '../row-writer';
import { createAuditIndexes, createAuditTables } from './audit.table';

/** Indexes every event of a record by actor, record and time. */
function logEvent(rows: RowWriter, event: RecordedEvent, relatedId: string | null = null): Promise<void> {
  const record = recordOfStreamId(event.streamId);
  if (!record) return Promise.resolve();
  return rows.insert('audit_log', {
    id: String(event.globalPosition),
    stream_id: event.streamId,
    record_type: record.kind.type,
    record_id: record.id,
    related_id: relatedId,
    stream_version: event.streamVersion,
    event_type: event.type,
    actor_id: event.metadata.actorId,
    occurred_at: event.recordedAt,
    command_id: event.metadata.commandId,
  });
}

const logEveryEvent = Object.fromEntries(
  CRM_EVENT_TYPES.map((type) => [type, (rows: RowWriter, event: RecordedEvent) => logEvent(rows, event)]),
) as EventHandlers;

/** What auditors filter and time travel need beside the events: the audit log index and contact links over time. */
export const auditProjection = defineProjection({
  name: 'audit',
  version: 2,
  tables: ['audit_log', 'contact_links'],
  createTables: createAuditTables,
  createIndexes: createAuditIndexes,
  handlers: {
    ...logEveryEvent,
    ContactAssociatedWithAccount: async (rows, event) => {
      await logEvent(rows, event, event.data.accountId);
      await rows.insert('contact_links', {
        id: `${event.data.contactId}:${event.streamVersion}`,
        contact_id: event.data.contactId,
        account_id: event.data.accountId,
        linked_at: event.recordedAt,
        linked_position: event.globalPosition,
        unlinked_at: null,
      });
    },
    ContactDisassociatedFromAccount: async (rows, event, db) => {
      await logEvent(rows, event, event.data.accountId);
      await db
        .updateTable('contact_links')
        .set({ unlinked_at: event.recordedAt })
        .where('contact_id', '=', event.data.contactId)
        .where('unlinked_at', 'is', null)
        .execute();
    },
  },
});
