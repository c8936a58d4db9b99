import type { Kysely } from 'kysely';
import type { ActivityType, Direction } from '../../events';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** Whose relationship a row measures: one account or one contact. */
export type RelationshipSubjectType = 'account' | 'contact';

/**
 * One row per subject (account or contact) and UTC day with at least one activity: the counts and minutes of
 * that day, so any window is a sum over days. Ids and numbers only: nothing personal.
 */
export interface RelationshipDaysTable {
  /** `<subject type>:<subject id>:<day>`. */
  id: string;
  subject_type: RelationshipSubjectType;
  subject_id: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Days since 1970-01-01: windows are ranges of it. */
  day_number: number;
  emails_sent: number;
  emails_received: number;
  calls_made: number;
  calls_received: number;
  appointments: number;
  tasks: number;
  minutes_by_us: number;
  minutes_by_them: number;
  /** Replies we sent to their e-mails that day, and the minutes they took in total. */
  responses_by_us: number;
  response_minutes_by_us: number;
  /** Replies they sent to our e-mails that day, and the minutes they took in total. */
  responses_by_them: number;
  response_minutes_by_them: number;
}

/** One row per activity and subject it counts for: the instants behind "last contacted" and "next interaction". */
export interface RelationshipTouchesTable {
  /** `<activity id>:<subject type>:<subject id>`. */
  id: string;
  subject_type: RelationshipSubjectType;
  subject_id: string;
  activity_id: string;
  type: ActivityType;
  /** ISO-8601 UTC. */
  occurred_at: string;
  /** 1 when the activity is a contact made by us (outgoing e-mail or call, appointment). */
  by_us: number;
  /** 1 when the activity is a contact made by them (incoming e-mail or call, appointment). */
  by_them: number;
}

/** One row per activity: what a later reply needs to measure a response time. */
export interface RelationshipActivitiesTable {
  /** The activity id. */
  id: string;
  occurred_at: string;
  direction: Direction | null;
}

/** The account each contact belongs to, as the events so far say (activities about a contact count for it). */
export interface RelationshipContactAccountsTable {
  /** The contact id. */
  id: string;
  account_id: string | null;
}

/** One row per contact and user who took part in an activity with them: who knows whom. */
export interface RelationshipConnectionsTable {
  /** `<contact id>:<user id>`. */
  id: string;
  contact_id: string;
  user_id: string;
  /** Activities other than tasks that both took part in. */
  interactions: number;
  /** Of those, started by us (outgoing, appointments) and by them (incoming, appointments). */
  from_us: number;
  from_them: number;
  last_interaction_at: string;
}

/** Users who asked not to be offered as introductions. */
export interface RelationshipOptOutsTable {
  /** The user id. */
  id: string;
  opted_out: number;
}

export async function createRelationshipTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('relationship_days')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('day_number', 'integer', (col) => col.notNull())
    .addColumn('emails_sent', 'integer', (col) => col.notNull())
    .addColumn('emails_received', 'integer', (col) => col.notNull())
    .addColumn('calls_made', 'integer', (col) => col.notNull())
    .addColumn('calls_received', 'integer', (col) => col.notNull())
    .addColumn('appointments', 'integer', (col) => col.notNull())
    .addColumn('tasks', 'integer', (col) => col.notNull())
    .addColumn('minutes_by_us', types.float, (col) => col.notNull())
    .addColumn('minutes_by_them', types.float, (col) => col.notNull())
    .addColumn('responses_by_us', 'integer', (col) => col.notNull())
    .addColumn('response_minutes_by_us', types.float, (col) => col.notNull())
    .addColumn('responses_by_them', 'integer', (col) => col.notNull())
    .addColumn('response_minutes_by_them', types.float, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('relationship_touches')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('activity_id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('occurred_at', types.sortKey, (col) => col.notNull())
    .addColumn('by_us', 'integer', (col) => col.notNull())
    .addColumn('by_them', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('relationship_activities')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('occurred_at', types.sortKey, (col) => col.notNull())
    .addColumn('direction', 'text')
    .execute();
  await db.schema
    .createTable('relationship_contact_accounts')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text')
    .execute();
  await db.schema
    .createTable('relationship_connections')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('contact_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('interactions', 'integer', (col) => col.notNull())
    .addColumn('from_us', 'integer', (col) => col.notNull())
    .addColumn('from_them', 'integer', (col) => col.notNull())
    .addColumn('last_interaction_at', types.sortKey, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('relationship_opt_outs')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('opted_out', 'integer', (col) => col.notNull())
    .execute();
}

/** Days by subject and day (windows, scores), touches by subject and instant (last/next), connections by contact. */
export async function createRelationshipIndexes(db: Kysely<ReadModels>): Promise<void> {
  await db.schema
    .createIndex('relationship_days_subject')
    .ifNotExists()
    .on('relationship_days')
    .columns(['subject_type', 'subject_id', 'day_number'])
    .execute();
  await db.schema
    .createIndex('relationship_days_window')
    .ifNotExists()
    .on('relationship_days')
    .columns(['subject_type', 'day_number', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('relationship_touches_subject')
    .ifNotExists()
    .on('relationship_touches')
    .columns(['subject_type', 'subject_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('relationship_connections_contact')
    .ifNotExists()
    .on('relationship_connections')
    .columns(['contact_id'])
    .execute();
}
