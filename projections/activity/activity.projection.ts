import { ERASED_NAME } from '../../events';
import { defineProjection } from '../projection';
import { createActivitiesIndexes, createActivitiesTables } from './activity.table';

/**
 * The activities and their participants. Not rebuilt in memory: an erasure blanks every activity regarding the
 * person, which is a change by contact rather than by row id. (A rebuild needs no blanking: the erased fields of
 * the replayed events already read as erased.)
 */
export const activityProjection = defineProjection({
  name: 'activities',
  version: 1,
  tables: ['activities', 'activity_participants'],
  createTables: createActivitiesTables,
  createIndexes: createActivitiesIndexes,
  holdsPersonalData: true,
  handlers: {
    ActivityLogged: async (rows, event) => {
      const { data } = event;
      await rows.insert('activities', {
        id: data.activityId,
        type: data.type,
        subject: data.subject,
        description: data.description,
        direction: data.direction,
        occurred_at: data.occurredAt,
        duration_minutes: data.durationMinutes,
        regarding_account_id: data.regardingAccountId,
        regarding_contact_id: data.regardingContactId,
        regarding_opportunity_id: data.regardingOpportunityId,
        in_reply_to_activity_id: data.inReplyToActivityId,
        owner_id: data.ownerId,
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      });
      for (const [position, participant] of data.participants.entries()) {
        await rows.insert('activity_participants', {
          id: `${data.activityId}:${position}`,
          activity_id: data.activityId,
          position,
          user_id: participant.userId,
          contact_id: participant.contactId,
        });
      }
    },
    ActivityOwnerAssigned: (rows, event) =>
      rows.update('activities', event.data.activityId, {
        owner_id: event.data.ownerId,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      }),
    // The subject and description of an activity regarding a person are that person's data (events/personal-data.ts).
    ContactPersonalDataErased: async (_rows, event, db) => {
      await db
        .updateTable('activities')
        .set({ subject: ERASED_NAME, description: null })
        .where('regarding_contact_id', '=', event.data.contactId)
        .execute();
    },
  },
});
