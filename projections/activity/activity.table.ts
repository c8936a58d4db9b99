import type { Kysely } from 'kysely';
import type { ActivityType, Direction } from '../../events';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** One row per activity (e-mail, phone call, appointment, task). */
export interface ActivitiesTable {
  id: string;
  type: ActivityType;
  /** Blanked when the person it regards has their data erased. */
  subject: string;
  description: string | null;
  direction: Direction | null;
  /** ISO-8601 UTC. */
  occurred_at: string;
  duration_minutes: number | null;
  regarding_account_id: string | null;
  regarding_contact_id: string | null;
  regarding_opportunity_id: string | null;
  /** The e-mail this one answers (e-mail threads). */
  in_reply_to_activity_id: string | null;
  owner_id: string;
  created_at: string;
  modified_at: string;
  version: number;
}

/** One row per participant of an activity, in the order given; exactly one of user and contact is set. */
export interface ActivityParticipantsTable {
  /** `<activity id>:<position>`. */
  id: string;
  activity_id: string;
  /** 0, 1, … in the order the activity names them. */
  position: number;
  user_id: string | null;
  contact_id: string | null;
}

export async function createActivitiesTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('activities')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('direction', 'text')
    .addColumn('occurred_at', types.sortKey, (col) => col.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('regarding_account_id', 'text')
    .addColumn('regarding_contact_id', 'text')
    .addColumn('regarding_opportunity_id', 'text')
    .addColumn('in_reply_to_activity_id', 'text')
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('created_at', types.sortKey, (col) => col.notNull())
    .addColumn('modified_at', types.sortKey, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('activity_participants')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('activity_id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('user_id', 'text')
    .addColumn('contact_id', 'text')
    .execute();
}

/**
 * The indexes behind the related lists (an account's, a contact's, an opportunity's activities, newest first,
 * by type), e-mail threads, and the participants of activities, of a contact and of a user.
 */
export async function createActivitiesIndexes(db: Kysely<ReadModels>): Promise<void> {
  const index = (table: 'activities' | 'activity_participants', name: string, columns: string[]) =>
    db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  await index('activities', 'activities_account_occurred', ['regarding_account_id', 'occurred_at', 'id']);
  await index('activities', 'activities_account_type_occurred', ['regarding_account_id', 'type', 'occurred_at', 'id']);
  await index('activities', 'activities_contact_occurred', ['regarding_contact_id', 'occurred_at', 'id']);
  await index('activities', 'activities_contact_type_occurred', ['regarding_contact_id', 'type', 'occurred_at', 'id']);
  await index('activities', 'activities_opportunity_occurred', ['regarding_opportunity_id', 'occurred_at', 'id']);
  await index('activities', 'activities_in_reply_to', ['in_reply_to_activity_id']);
  await index('activity_participants', 'activity_participants_activity', ['activity_id', 'position']);
  await index('activity_participants', 'activity_participants_contact', ['contact_id']);
  await index('activity_participants', 'activity_participants_user', ['user_id']);
}
