import type { Kysely, Selectable } from 'kysely';
import type { ActivityType } from '../../events';
import type { Ordering, Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { relatedList } from '../related-lists';
import type { ActivitiesTable, ActivityParticipantsTable } from './activity.table';

export type ActivityRow = Selectable<ActivitiesTable>;
export type ActivityParticipantRow = Selectable<ActivityParticipantsTable>;
/** The columns an activity is related through: what it regards. */
export type ActivityParent = 'regarding_account_id' | 'regarding_contact_id' | 'regarding_opportunity_id';

/** Related activities are listed by when they happened, latest first. */
export const ACTIVITY_ORDERING: Ordering<Extract<keyof ActivitiesTable, string>> = {
  key: 'OCCURRED_DESC',
  columns: ['occurred_at', 'id'],
  direction: 'desc',
};

export interface RelatedActivitiesFilter {
  readonly type: ActivityType | null;
}

export interface RelatedActivitiesRequest extends RelatedActivitiesFilter {
  readonly first: number;
}

export async function activitiesByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<ActivityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('activities').selectAll().where('id', 'in', ids).execute();
}

/** The participants of each activity, in the order given, in one statement. */
export async function participantsOfActivities(
  db: Kysely<ReadModels>,
  activityIds: readonly string[],
): Promise<Map<string, ActivityParticipantRow[]>> {
  const grouped = new Map<string, ActivityParticipantRow[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('activity_participants')
    .selectAll()
    .where('activity_id', 'in', activityIds)
    .orderBy('activity_id')
    .orderBy('position')
    .execute();
  for (const row of rows) grouped.get(row.activity_id)?.push(row);
  return grouped;
}

const relatedActivities = relatedList<'activities', ActivityParent, 'type'>({
  table: 'activities',
  ordering: ACTIVITY_ORDERING,
  filterColumn: 'type',
});

/** The first page of each parent's activities (of one type, if given), in one statement. */
export async function activitiesOf(
  db: Kysely<ReadModels>,
  parent: ActivityParent,
  parentIds: readonly string[],
  request: RelatedActivitiesRequest,
): Promise<Map<string, Page<ActivityRow>>> {
  return relatedActivities.firstPages(db, parent, parentIds, { first: request.first, filter: request.type });
}

/** How many activities each parent has (of one type, if given), in one statement. */
export async function countActivitiesOf(
  db: Kysely<ReadModels>,
  parent: ActivityParent,
  parentIds: readonly string[],
  filter: RelatedActivitiesFilter,
): Promise<Map<string, number>> {
  return relatedActivities.counts(db, parent, parentIds, filter.type);
}

/** A later page of one parent's activities, after a cursor. */
export async function listActivitiesOf(
  db: Kysely<ReadModels>,
  parent: ActivityParent,
  parentId: string,
  request: RelatedActivitiesRequest & { readonly after: string },
): Promise<Page<ActivityRow>> {
  return relatedActivities.pageAfter(db, parent, parentId, { first: request.first, after: request.after, filter: request.type });
}
