import type { ActivityLogged, RecordedEvent } from '../../events';
import { defineProjection } from '../projection';
import type { RowWriter } from '../row-writer';
import { activityFigures, dayNumberOf, dayOfNumber, responseOf, type ActivityFigures } from './activity-figures';
import { createRelationshipIndexes, createRelationshipTables, type RelationshipSubjectType } from './relationship.table';

interface Subject {
  readonly type: RelationshipSubjectType;
  readonly id: string;
}

interface Response {
  readonly byUs: boolean;
  readonly minutes: number;
}

/**
 * Relationship KPIs (daily buckets per account and per contact), the instants of contacts, and who knows whom.
 * An activity counts once for every contact it regards or names as a participant, and once for every account it
 * regards or that one of those contacts belonged to when the activity was logged. Ids and numbers only: an
 * erasure leaves these tables as they are, so the KPIs keep their numbers.
 */
export const relationshipProjection = defineProjection({
  name: 'relationships',
  version: 1,
  tables: [
    'relationship_days',
    'relationship_touches',
    'relationship_activities',
    'relationship_contact_accounts',
    'relationship_connections',
    'relationship_opt_outs',
  ],
  createTables: createRelationshipTables,
  createIndexes: createRelationshipIndexes,
  rebuildInMemory: true,
  handlers: {
    ContactAssociatedWithAccount: (rows, event) =>
      upsert(rows, 'relationship_contact_accounts', event.data.contactId, event.data.accountId),
    ContactDisassociatedFromAccount: async (rows, event) => {
      const current = await rows.get('relationship_contact_accounts', event.data.contactId, ['account_id']);
      if (current?.account_id === event.data.accountId)
        await rows.update('relationship_contact_accounts', event.data.contactId, { account_id: null });
    },
    ActivityLogged: async (rows, event) => {
      const { data } = event;
      const figures = activityFigures(data);
      const response = await responseTo(rows, data);
      await rows.insert('relationship_activities', { id: data.activityId, occurred_at: data.occurredAt, direction: data.direction });
      for (const subject of await subjectsOf(rows, data)) {
        await addToDay(rows, subject, data.occurredAt, figures, response);
        await rows.insert('relationship_touches', {
          id: `${data.activityId}:${subject.type}:${subject.id}`,
          subject_type: subject.type,
          subject_id: subject.id,
          activity_id: data.activityId,
          type: data.type,
          occurred_at: data.occurredAt,
          by_us: figures.byUs ? 1 : 0,
          by_them: figures.byThem ? 1 : 0,
        });
      }
      if (data.type !== 'TASK') await connect(rows, event, figures);
    },
    UserIntroductionsPreferenceSet: async (rows, event) => {
      const optedOut = event.data.optedOut ? 1 : 0;
      if (await rows.get('relationship_opt_outs', event.data.userId, ['id'])) {
        await rows.update('relationship_opt_outs', event.data.userId, { opted_out: optedOut });
      } else {
        await rows.insert('relationship_opt_outs', { id: event.data.userId, opted_out: optedOut });
      }
    },
  },
});

async function upsert(rows: RowWriter, table: 'relationship_contact_accounts', contactId: string, accountId: string): Promise<void> {
  if (await rows.get(table, contactId, ['id'])) await rows.update(table, contactId, { account_id: accountId });
  else await rows.insert(table, { id: contactId, account_id: accountId });
}

/** The contacts the activity regards or names, then the accounts it regards or those contacts belong to. */
async function subjectsOf(rows: RowWriter, data: ActivityLogged['data']): Promise<Subject[]> {
  const contacts = unique([data.regardingContactId, ...data.participants.map((participant) => participant.contactId)]);
  const accountsOfContacts: (string | null)[] = [];
  for (const contactId of contacts) {
    accountsOfContacts.push((await rows.get('relationship_contact_accounts', contactId, ['account_id']))?.account_id ?? null);
  }
  const accounts = unique([data.regardingAccountId, ...accountsOfContacts]);
  return [...contacts.map((id) => ({ type: 'contact' as const, id })), ...accounts.map((id) => ({ type: 'account' as const, id }))];
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

async function responseTo(rows: RowWriter, data: ActivityLogged['data']): Promise<Response | null> {
  if (!data.inReplyToActivityId) return null;
  const original = await rows.get('relationship_activities', data.inReplyToActivityId, ['occurred_at', 'direction']);
  if (!original) return null;
  return responseOf({ occurredAt: original.occurred_at, direction: original.direction }, data);
}

async function addToDay(
  rows: RowWriter,
  subject: Subject,
  occurredAt: string,
  figures: ActivityFigures,
  response: Response | null,
): Promise<void> {
  const dayNumber = dayNumberOf(occurredAt);
  const id = `${subject.type}:${subject.id}:${dayOfNumber(dayNumber)}`;
  const added = {
    emails_sent: figures.emailsSent,
    emails_received: figures.emailsReceived,
    calls_made: figures.callsMade,
    calls_received: figures.callsReceived,
    appointments: figures.appointments,
    tasks: figures.tasks,
    minutes_by_us: figures.minutesByUs,
    minutes_by_them: figures.minutesByThem,
    responses_by_us: response?.byUs ? 1 : 0,
    response_minutes_by_us: response?.byUs ? response.minutes : 0,
    responses_by_them: response && !response.byUs ? 1 : 0,
    response_minutes_by_them: response && !response.byUs ? response.minutes : 0,
  };
  const columns = Object.keys(added) as (keyof typeof added)[];
  const current = await rows.get('relationship_days', id, columns);
  if (!current) {
    await rows.insert('relationship_days', {
      id,
      subject_type: subject.type,
      subject_id: subject.id,
      day: dayOfNumber(dayNumber),
      day_number: dayNumber,
      ...added,
    });
    return;
  }
  const sums = Object.fromEntries(columns.map((column) => [column, Number(current[column]) + added[column]])) as typeof added;
  await rows.update('relationship_days', id, sums);
}

/**
 * Who knows whom: every contact of the activity with every user in it (the user participants, or the owner
 * when no user takes part).
 */
async function connect(rows: RowWriter, event: RecordedEvent<ActivityLogged>, figures: ActivityFigures): Promise<void> {
  const { data } = event;
  const contacts = unique([data.regardingContactId, ...data.participants.map((participant) => participant.contactId)]);
  const participants = unique(data.participants.map((participant) => participant.userId));
  const users = participants.length > 0 ? participants : [data.ownerId];
  for (const contactId of contacts) {
    for (const userId of users) {
      const id = `${contactId}:${userId}`;
      const current = await rows.get('relationship_connections', id, ['interactions', 'from_us', 'from_them', 'last_interaction_at']);
      if (!current) {
        await rows.insert('relationship_connections', {
          id,
          contact_id: contactId,
          user_id: userId,
          interactions: 1,
          from_us: figures.byUs ? 1 : 0,
          from_them: figures.byThem ? 1 : 0,
          last_interaction_at: data.occurredAt,
        });
        continue;
      }
      await rows.update('relationship_connections', id, {
        interactions: Number(current.interactions) + 1,
        from_us: Number(current.from_us) + (figures.byUs ? 1 : 0),
        from_them: Number(current.from_them) + (figures.byThem ? 1 : 0),
        last_interaction_at: data.occurredAt > current.last_interaction_at ? data.occurredAt : current.last_interaction_at,
      });
    }
  }
}
