import type { Kysely } from 'kysely';
import type { ReadModels } from '../read-models';
import { toPage, type Page } from '../pagination';

/** What the audit log is filtered by; every part optional. */
export interface AuditFilter {
  readonly actorId?: string | null;
  readonly recordType?: string | null;
  readonly recordId?: string | null;
  /** Events of the record, or concerning it (e.g. a contact linked to this account): a record's history. */
  readonly concerning?: string | null;
  /** From this instant (inclusive). */
  readonly from?: Date | null;
  /** Until this instant (inclusive). */
  readonly to?: Date | null;
}

export interface AuditRow {
  readonly position: number;
  readonly streamId: string;
  readonly recordType: string;
  readonly recordId: string;
  readonly version: number;
}

function filtered(db: Kysely<ReadModels>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  const concerning = filter.concerning;
  if (concerning) query = query.where((eb) => eb.or([eb('record_id', '=', concerning), eb('related_id', '=', concerning)]));
  if (filter.from) query = query.where('occurred_at', '>=', filter.from.toISOString());
  if (filter.to) query = query.where('occurred_at', '<=', filter.to.toISOString());
  return query;
}

/**
 * A page of the audit log: the events that match, newest first (`direction: 'desc'`) or oldest first,
 * after the position `after` in that direction.
 */
export async function auditLogPage(
  db: Kysely<ReadModels>,
  filter: AuditFilter,
  page: { readonly first: number; readonly after: number | null; readonly direction?: 'asc' | 'desc' },
): Promise<Page<AuditRow>> {
  const direction = page.direction ?? 'desc';
  let query = filtered(db, filter).select(['id', 'stream_id', 'record_type', 'record_id', 'stream_version']);
  if (page.after !== null) query = query.where('id', direction === 'desc' ? '<' : '>', String(page.after));
  const rows = await query
    .orderBy('id', direction)
    .limit(page.first + 1)
    .execute();
  return toPage(
    rows.map((row) => ({
      position: Number(row.id),
      streamId: row.stream_id,
      recordType: row.record_type,
      recordId: row.record_id,
      version: Number(row.stream_version),
    })),
    page.first,
  );
}

export async function countAuditLog(db: Kysely<ReadModels>, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The contacts linked to an account at an instant. */
export async function contactIdsLinkedAt(db: Kysely<ReadModels>, accountId: string, at: Date): Promise<string[]> {
  const instant = at.toISOString();
  const rows = await db
    .selectFrom('contact_links')
    .select('contact_id')
    .where('account_id', '=', accountId)
    .where('linked_at', '<=', instant)
    .where((eb) => eb.or([eb('unlinked_at', 'is', null), eb('unlinked_at', '>', instant)]))
    .execute();
  return [...new Set(rows.map((row) => row.contact_id))];
}
