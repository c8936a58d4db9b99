import type { EventOf } from './event';

export const ACTIVITY_TYPES = ['EMAIL', 'PHONE_CALL', 'APPOINTMENT', 'TASK'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Who started an interaction: we (OUTGOING) or they (INCOMING). */
export const DIRECTIONS = ['OUTGOING', 'INCOMING'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** One person who took part in an activity: a user of the CRM or a contact (exactly one of the two is set). */
export interface ActivityParticipantData {
  readonly userId: string | null;
  readonly contactId: string | null;
}

/**
 * An interaction was logged: an e-mail, a phone call, an appointment or a task, regarding an account, a contact
 * and/or an opportunity. When it regards a contact, its subject and description are that person's data
 * (see personal-data.ts).
 */
export type ActivityLogged = EventOf<
  'ActivityLogged',
  {
    readonly activityId: string;
    readonly ownerId: string;
    readonly type: ActivityType;
    readonly subject: string;
    readonly description: string | null;
    readonly direction: Direction | null;
    /** ISO-8601 instant in UTC. */
    readonly occurredAt: string;
    readonly durationMinutes: number | null;
    readonly regardingAccountId: string | null;
    readonly regardingContactId: string | null;
    readonly regardingOpportunityId: string | null;
    /** In the order given, without duplicates. */
    readonly participants: readonly ActivityParticipantData[];
    /** The e-mail this one answers (e-mail threads). */
    readonly inReplyToActivityId: string | null;
  }
>;
export type ActivityOwnerAssigned = EventOf<
  'ActivityOwnerAssigned',
  { readonly activityId: string; readonly ownerId: string; readonly previousOwnerId: string }
>;

export type ActivityEvent = ActivityLogged | ActivityOwnerAssigned;

export const ACTIVITY_EVENT_TYPES = ['ActivityLogged', 'ActivityOwnerAssigned'] as const satisfies readonly ActivityEvent['type'][];
