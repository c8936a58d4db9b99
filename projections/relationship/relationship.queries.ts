import { sql, type AliasedSelectQueryBuilder, type Kysely, type RawBuilder } from 'kysely';
import { filtered as filteredAccounts, type AccountFilter, type AccountRow } from '../account/account.queries';
import { filtered as filteredContacts, type ContactFilter, type ContactRow } from '../contact/contact.queries';
import { InvalidCursorError, toPage, type Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { dayNumberOf, dayOfNumber } from './activity-figures';
import { MAX_POINTS, TREND_DAYS, engagementTarget, type HealthInputs, type HealthSettings } from './health-score';
import type { RelationshipSubjectType } from './relationship.table';

/** The figures of one account's or contact's relationship as of an instant (all-time totals up to that day). */
export interface RelationshipFigures {
  readonly emailsSent: number;
  readonly emailsReceived: number;
  readonly phoneCallsMade: number;
  readonly phoneCallsReceived: number;
  readonly appointments: number;
  readonly timeSpentByUsMinutes: number;
  readonly timeSpentByThemMinutes: number;
  readonly averageResponseMinutesByUs: number | null;
  readonly averageResponseMinutesByThem: number | null;
  readonly lastContactedByUs: string | null;
  readonly lastContactedByThem: string | null;
  readonly nextInteraction: string | null;
  readonly health: HealthInputs;
}

export interface DailyActivityFigures {
  readonly date: string;
  readonly emails: number;
  readonly phoneCalls: number;
  readonly appointments: number;
}

export interface ConnectionRow {
  readonly contactId: string;
  readonly userId: string;
  readonly interactions: number;
  readonly fromUs: number;
  readonly fromThem: number;
  readonly lastInteractionAt: string;
}

/** A number as an SQL literal that is never integer arithmetic (SQLite divides integers as integers). */
function real(value: number): RawBuilder<number> {
  return sql.raw(Number.isInteger(value) ? `${value}.0` : String(value));
}

const INTERACTIONS = sql`(emails_sent + emails_received + calls_made + calls_received + appointments)`;

function weightedPoints(settings: HealthSettings): RawBuilder<number> {
  const { email, phoneCall, appointment } = settings.weights;
  return sql`(${real(email)} * (emails_sent + emails_received) + ${real(phoneCall)} * (calls_made + calls_received) + ${real(appointment)} * appointments)`;
}

/** The aggregates of `relationship_days` (grouped by subject, days up to `today`) a score is computed from. */
function healthAggregates(today: number, settings: HealthSettings) {
  const windowStart = today - settings.windowDays;
  const inWindow = sql`day_number > ${sql.lit(windowStart)}`;
  return {
    ever: sql<number>`max(case when ${INTERACTIONS} > 0 then 1 else 0 end)`,
    engagement: sql<number>`sum(case when ${inWindow} then (${sql.lit(settings.windowDays)} - (${sql.lit(today)} - day_number)) * ${weightedPoints(settings)} else 0 end) / ${real(settings.windowDays)}`,
    lastDay: sql<number | null>`max(case when ${inWindow} and ${INTERACTIONS} > 0 then day_number end)`,
    fromUs: sql<number>`sum(case when ${inWindow} then emails_sent + calls_made + appointments else 0 end)`,
    fromThem: sql<number>`sum(case when ${inWindow} then emails_received + calls_received + appointments else 0 end)`,
    recent: sql<number>`sum(case when day_number > ${sql.lit(today - TREND_DAYS)} then ${weightedPoints(settings)} else 0 end)`,
    previous: sql<number>`sum(case when day_number > ${sql.lit(today - 2 * TREND_DAYS)} and day_number <= ${sql.lit(today - TREND_DAYS)} then ${weightedPoints(settings)} else 0 end)`,
  };
}

/**
 * The unrounded health score in SQL, from the aggregates above: the same formula as `healthOf` (health-score.ts),
 * -1 for a subject that never interacted, so lists can be ordered and paged by it.
 */
function healthKeySql(today: number, settings: HealthSettings): RawBuilder<number> {
  const a = healthAggregates(today, settings);
  const target = real(engagementTarget(settings));
  const silence = real(settings.silenceDays);
  const activity = sql`${real(MAX_POINTS.activity)} * (case when ${a.engagement} >= ${target} then 1.0 else ${a.engagement} / ${target} end)`;
  const daysSince = sql`(${sql.lit(today)} - ${a.lastDay})`;
  const recency = sql`${real(MAX_POINTS.recency)} * (case when ${a.lastDay} is null or ${daysSince} >= ${silence} then 0.0 else 1.0 - ${daysSince} / ${silence} end)`;
  const total = sql`(${a.fromUs} + ${a.fromThem})`;
  const reciprocity = sql`${real(MAX_POINTS.reciprocity)} * (case when ${total} = 0 then 0.0 when 2.0 * ${a.fromThem} >= ${total} then 1.0 else 2.0 * ${a.fromThem} / ${total} end)`;
  return sql<number>`cast(case when ${a.ever} = 0 then -1 else ${activity} + ${recency} + ${reciprocity} end as double precision)`;
}

/** The figures of several subjects as of `now`, in two statements (daily buckets, then contact instants). */
export async function relationshipFiguresOf(
  db: Kysely<ReadModels>,
  subjectType: RelationshipSubjectType,
  ids: readonly string[],
  now: Date,
  settings: HealthSettings,
): Promise<Map<string, RelationshipFigures>> {
  const figures = new Map<string, RelationshipFigures>();
  if (ids.length === 0) return figures;
  const today = dayNumberOf(now);
  const health = healthAggregates(today, settings);
  const days = await db
    .selectFrom('relationship_days')
    .select((eb) => [
      'subject_id',
      eb.fn.sum<number>('emails_sent').as('emails_sent'),
      eb.fn.sum<number>('emails_received').as('emails_received'),
      eb.fn.sum<number>('calls_made').as('calls_made'),
      eb.fn.sum<number>('calls_received').as('calls_received'),
      eb.fn.sum<number>('appointments').as('appointments'),
      eb.fn.sum<number>('minutes_by_us').as('minutes_by_us'),
      eb.fn.sum<number>('minutes_by_them').as('minutes_by_them'),
      eb.fn.sum<number>('responses_by_us').as('responses_by_us'),
      eb.fn.sum<number>('response_minutes_by_us').as('response_minutes_by_us'),
      eb.fn.sum<number>('responses_by_them').as('responses_by_them'),
      eb.fn.sum<number>('response_minutes_by_them').as('response_minutes_by_them'),
      health.ever.as('ever'),
      health.engagement.as('engagement'),
      health.lastDay.as('last_day'),
      health.fromUs.as('from_us'),
      health.fromThem.as('from_them'),
      health.recent.as('recent'),
      health.previous.as('previous'),
    ])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', ids)
    .where('day_number', '<=', today)
    .groupBy('subject_id')
    .execute();
  const instant = now.toISOString();
  const touches = await db
    .selectFrom('relationship_touches')
    .select([
      'subject_id',
      sql<string | null>`max(case when by_us = 1 and occurred_at <= ${instant} then occurred_at end)`.as('last_by_us'),
      sql<string | null>`max(case when by_them = 1 and occurred_at <= ${instant} then occurred_at end)`.as('last_by_them'),
      sql<string | null>`min(case when type in ('APPOINTMENT', 'TASK') and occurred_at > ${instant} then occurred_at end)`.as('next_at'),
    ])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', ids)
    .groupBy('subject_id')
    .execute();
  const instants = new Map(touches.map((row) => [row.subject_id, row]));
  const byId = new Map(days.map((row) => [row.subject_id, row]));
  for (const id of ids) {
    const row = byId.get(id);
    const touch = instants.get(id);
    const n = (value: unknown) => Number(value ?? 0);
    const average = (total: unknown, count: unknown) => (n(count) > 0 ? n(total) / n(count) : null);
    figures.set(id, {
      emailsSent: n(row?.emails_sent),
      emailsReceived: n(row?.emails_received),
      phoneCallsMade: n(row?.calls_made),
      phoneCallsReceived: n(row?.calls_received),
      appointments: n(row?.appointments),
      timeSpentByUsMinutes: n(row?.minutes_by_us),
      timeSpentByThemMinutes: n(row?.minutes_by_them),
      averageResponseMinutesByUs: average(row?.response_minutes_by_us, row?.responses_by_us),
      averageResponseMinutesByThem: average(row?.response_minutes_by_them, row?.responses_by_them),
      lastContactedByUs: touch?.last_by_us ?? null,
      lastContactedByThem: touch?.last_by_them ?? null,
      nextInteraction: touch?.next_at ?? null,
      health: {
        everInteracted: n(row?.ever) > 0,
        engagement: n(row?.engagement),
        daysSinceLastInteraction: row?.last_day === null || row?.last_day === undefined ? null : today - n(row.last_day),
        fromUs: n(row?.from_us),
        fromThem: n(row?.from_them),
        recentPoints: n(row?.recent),
        previousPoints: n(row?.previous),
      },
    });
  }
  return figures;
}

/** Each subject's activity per day over the `days` days up to `now` (oldest first, days without any included). */
export async function dailyActivityOf(
  db: Kysely<ReadModels>,
  subjectType: RelationshipSubjectType,
  ids: readonly string[],
  days: number,
  now: Date,
): Promise<Map<string, DailyActivityFigures[]>> {
  const today = dayNumberOf(now);
  const first = today - days + 1;
  const rows =
    ids.length === 0 || days <= 0
      ? []
      : await db
          .selectFrom('relationship_days')
          .select(['subject_id', 'day_number', 'emails_sent', 'emails_received', 'calls_made', 'calls_received', 'appointments'])
          .where('subject_type', '=', subjectType)
          .where('subject_id', 'in', ids)
          .where('day_number', '>=', first)
          .where('day_number', '<=', today)
          .execute();
  const found = new Map(rows.map((row) => [`${row.subject_id}:${Number(row.day_number)}`, row]));
  const breakdowns = new Map<string, DailyActivityFigures[]>();
  for (const id of ids) {
    const breakdown: DailyActivityFigures[] = [];
    for (let day = first; day <= today; day++) {
      const row = found.get(`${id}:${day}`);
      breakdown.push({
        date: dayOfNumber(day),
        emails: row ? Number(row.emails_sent) + Number(row.emails_received) : 0,
        phoneCalls: row ? Number(row.calls_made) + Number(row.calls_received) : 0,
        appointments: row ? Number(row.appointments) : 0,
      });
    }
    breakdowns.set(id, breakdown);
  }
  return breakdowns;
}

/** The users each contact has interacted with, except those who opted out of who-knows-whom, in one statement. */
export async function connectionsOfContacts(db: Kysely<ReadModels>, contactIds: readonly string[]): Promise<Map<string, ConnectionRow[]>> {
  const grouped = new Map<string, ConnectionRow[]>(contactIds.map((id) => [id, []]));
  if (contactIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('relationship_connections as c')
    .leftJoin('relationship_opt_outs as o', 'o.id', 'c.user_id')
    .select(['c.contact_id', 'c.user_id', 'c.interactions', 'c.from_us', 'c.from_them', 'c.last_interaction_at'])
    .where('c.contact_id', 'in', contactIds)
    .where((eb) => eb.or([eb('o.opted_out', 'is', null), eb('o.opted_out', '=', 0)]))
    .execute();
  for (const row of rows) {
    grouped.get(row.contact_id)?.push({
      contactId: row.contact_id,
      userId: row.user_id,
      interactions: Number(row.interactions),
      fromUs: Number(row.from_us),
      fromThem: Number(row.from_them),
      lastInteractionAt: row.last_interaction_at,
    });
  }
  return grouped;
}

/** Whether the user opted out of who-knows-whom. */
export async function hasOptedOut(db: Kysely<ReadModels>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('relationship_opt_outs').select('opted_out').where('id', '=', userId).executeTakeFirst();
  return Number(row?.opted_out ?? 0) === 1;
}

const HEALTH_ORDER_KEY = 'HEALTH_SCORE_DESC';

/** A row of a list ordered by health, with the unrounded score it was ordered by (-1: never interacted). */
export type HealthRanked<Row> = Row & { readonly health_key: number };

export interface HealthPageRequest {
  readonly first: number;
  readonly after?: string | null;
}

/**
 * The cursor of a list ordered by health: the day the scores were computed for (later pages keep using it, so a
 * list paged across midnight stays consistent), the row's score and its id.
 */
export function encodeHealthCursor(today: number, row: { readonly health_key: number; readonly id: string }): string {
  return Buffer.from(JSON.stringify([HEALTH_ORDER_KEY, today, row.health_key, row.id]), 'utf8').toString('base64url');
}

function decodeHealthCursor(cursor: string): { today: number; key: number; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 4 ||
    decoded[0] !== HEALTH_ORDER_KEY ||
    !Number.isInteger(decoded[1]) ||
    typeof decoded[2] !== 'number' ||
    typeof decoded[3] !== 'string'
  ) {
    throw new InvalidCursorError();
  }
  return { today: decoded[1] as number, key: decoded[2], id: decoded[3] };
}

/** The day a health-ordered page is computed for: the cursor's, or today's. */
export function healthDayOf(request: HealthPageRequest, now: Date): number {
  return request.after ? decodeHealthCursor(request.after).today : dayNumberOf(now);
}

function healthKeys(db: Kysely<ReadModels>, subjectType: RelationshipSubjectType, today: number, settings: HealthSettings) {
  return db
    .selectFrom('relationship_days')
    .select(['subject_id', healthKeySql(today, settings).as('health_key')])
    .where('subject_type', '=', subjectType)
    .where('day_number', '<=', today)
    .groupBy('subject_id');
}

/** Accounts by health score, highest first (then by id), scores as of `today`; never-contacted ones last. */
export function listAccountsByHealth(
  db: Kysely<ReadModels>,
  filter: AccountFilter,
  request: HealthPageRequest,
  today: number,
  settings: HealthSettings,
): Promise<Page<HealthRanked<AccountRow>>> {
  const ranked = filteredAccounts(db, filter)
    .leftJoin(healthKeys(db, 'account', today, settings).as('health'), 'health.subject_id', 'accounts.id')
    .selectAll('accounts')
    .select(sql<number>`coalesce(health.health_key, -1)`.as('health_key'));
  return pageByHealthKey(db, ranked.as('ranked'), request);
}

/** Contacts by health score, highest first (then by id), scores as of `today`; never-contacted ones last. */
export function listContactsByHealth(
  db: Kysely<ReadModels>,
  filter: ContactFilter,
  request: HealthPageRequest,
  today: number,
  settings: HealthSettings,
): Promise<Page<HealthRanked<ContactRow>>> {
  const ranked = filteredContacts(db, filter)
    .leftJoin(healthKeys(db, 'contact', today, settings).as('health'), 'health.subject_id', 'contacts.id')
    .selectAll('contacts')
    .select(sql<number>`coalesce(health.health_key, -1)`.as('health_key'));
  return pageByHealthKey(db, ranked.as('ranked'), request);
}

/** A page of ranked records, by health key then id (both descending), after the cursor. */
async function pageByHealthKey<Row extends { readonly id: string; readonly health_key: number }>(
  db: Kysely<ReadModels>,
  ranked: AliasedSelectQueryBuilder<Row, 'ranked'>,
  request: HealthPageRequest,
): Promise<Page<Row>> {
  let query = db.selectFrom(ranked).selectAll();
  if (request.after) {
    const cursor = decodeHealthCursor(request.after);
    query = query.where(sql<boolean>`(health_key, id) < (${cursor.key}, ${cursor.id})`);
  }
  const rows = (await query
    .orderBy(sql`health_key`, 'desc')
    .orderBy(sql`id`, 'desc')
    .limit(request.first + 1)
    .execute()) as Row[];
  // A driver may answer the computed key as text (PostgreSQL numerics).
  return toPage(
    rows.map((row) => ({ ...row, health_key: Number(row.health_key) })),
    request.first,
  );
}
