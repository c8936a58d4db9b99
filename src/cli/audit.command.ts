import type { JsonValue } from '../../events';
import { usersByIds, type UserRow } from '../../projections/user/user.queries';
import type { Crm } from '../app/open-crm';
import type { HistoryEntry } from '../history/history-service';
import { RECORD_KINDS, type HistoryRecordType } from '../history/record-kinds';
import { note, withCrm } from './cli-context';

const PAGE = 500;

/** Reads users once per page of entries: their names label the actors. */
async function actorsOf(crm: Crm, entries: readonly HistoryEntry[]): Promise<Map<string, UserRow>> {
  const ids = [...new Set(entries.map((entry) => entry.event.metadata.actorId))];
  return new Map((await usersByIds(crm.db, ids)).map((user) => [user.id, user]));
}

function actorLabel(actors: Map<string, UserRow>, id: string): string {
  const user = actors.get(id);
  return user ? `${user.name} <${user.email}>` : id;
}

function shown(value: JsonValue): string {
  return value === null ? '∅' : JSON.stringify(value);
}

/** `crm history <recordType> <id>`: the record's timeline, oldest first: time, actor, event, changes. */
export async function historyCommand(recordType: string, id: string): Promise<void> {
  const type = recordType.toUpperCase().replace(/-/gu, '_') as HistoryRecordType;
  if (!RECORD_KINDS.some((kind) => kind.type === type)) {
    throw new Error(`Unknown record type "${recordType}"; one of ${RECORD_KINDS.map((kind) => kind.type.toLowerCase()).join(', ')}`);
  }
  await withCrm(async (crm) => {
    const entries: HistoryEntry[] = [];
    for (let after: number | null = null; ;) {
      const page = await crm.history.history(id, PAGE, after);
      entries.push(...page.entries);
      if (!page.hasNextPage || page.entries.length === 0) break;
      after = page.entries[page.entries.length - 1]!.event.globalPosition;
    }
    if (entries.length === 0) throw new Error(`No ${type.toLowerCase()} ${id} (or it has no history yet)`);
    const actors = await actorsOf(crm, entries);
    for (const entry of entries.reverse()) {
      const { event } = entry;
      const about = entry.recordId === id ? '' : ` (${entry.recordType.toLowerCase()} ${entry.recordId})`;
      process.stdout.write(
        `${event.recordedAt}  v${event.streamVersion}  ${event.type}${about}  by ${actorLabel(actors, event.metadata.actorId)}\n`,
      );
      for (const change of entry.changes) {
        const erased = change.erased ? '  [erased]' : '';
        process.stdout.write(`    ${change.field}: ${shown(change.from)} → ${shown(change.to)}${erased}\n`);
      }
    }
  });
}

/** `crm verify`: walks the hash chain; exits non-zero when it is broken. */
export async function verifyCommand(): Promise<void> {
  await withCrm(async (crm) => {
    const started = Date.now();
    const report = await crm.history.verify();
    if (report.ok) {
      note(`The audit trail is intact: ${report.eventsChecked} events checked in ${Date.now() - started} ms`);
      return;
    }
    note(
      `The audit trail is BROKEN at position ${report.firstBrokenPosition}: that event was altered, or the one before it was removed ` +
        `(${report.eventsChecked} events checked)`,
    );
    process.exitCode = 2;
  });
}

const CSV_COLUMNS = [
  'position',
  'occurredAt',
  'recordType',
  'recordId',
  'version',
  'eventType',
  'actorId',
  'actor',
  'source',
  'commandId',
  'changes',
] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function parseInstant(text: string | undefined, option: string): Date | null {
  if (text === undefined) return null;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/u.test(text);
  // A day alone means its whole day (UTC): --from its first instant, --to its last.
  const date = new Date(dayOnly ? `${text}T${option === '--to' ? '23:59:59.999' : '00:00:00.000'}Z` : text);
  if (Number.isNaN(date.getTime()))
    throw new Error(`${option} must be a date or an instant (e.g. 2026-01-31 or 2026-01-31T12:00:00Z), got "${text}"`);
  return date;
}

/** `crm audit-export [--from] [--to] [--format ndjson|csv]`: the audit log, oldest first, streamed to stdout. */
export async function auditExportCommand(options: { from?: string; to?: string; format: string }): Promise<void> {
  const format = options.format.toLowerCase();
  if (format !== 'ndjson' && format !== 'csv') throw new Error(`--format must be ndjson or csv, got "${options.format}"`);
  const filter = { from: parseInstant(options.from, '--from'), to: parseInstant(options.to, '--to') };
  await withCrm(async (crm) => {
    if (format === 'csv') process.stdout.write(`${CSV_COLUMNS.join(',')}\n`);
    let written = 0;
    for (let after: number | null = null; ;) {
      const page = await crm.history.auditLog(filter, PAGE, after, 'asc');
      const actors = await actorsOf(crm, page.entries);
      const lines = page.entries.map((entry) => {
        const { event } = entry;
        const record = {
          position: event.globalPosition,
          occurredAt: event.recordedAt,
          recordType: entry.recordType,
          recordId: entry.recordId,
          version: event.streamVersion,
          eventType: event.type,
          actorId: event.metadata.actorId,
          actor: actorLabel(actors, event.metadata.actorId),
          source: event.metadata.source,
          commandId: event.metadata.commandId,
        };
        if (format === 'ndjson') return JSON.stringify({ ...record, changes: entry.changes, data: entry.data });
        return [...Object.values(record), JSON.stringify(entry.changes)].map(csvCell).join(',');
      });
      if (lines.length > 0 && !process.stdout.write(`${lines.join('\n')}\n`)) {
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      written += lines.length;
      if (!page.hasNextPage || page.entries.length === 0) break;
      after = page.entries[page.entries.length - 1]!.event.globalPosition;
    }
    note(`Exported ${written} events`);
  });
}
