import type { ContactState } from '../contact/contact.state';
import type { OpportunityState } from '../opportunity/opportunity.state';
import type { ParentStates } from '../parent-records';
import type { RecordRef } from '../record-ref';
import type { UserState } from '../user/user.state';
import type { ActivityState } from './activity.state';

/** One participant as a client names it: a user or a contact (exactly one of the two). */
export interface ParticipantInput {
  readonly userId?: string | null;
  readonly contactId?: string | null;
}

/** What a client sends to log an activity; the instant is an ISO-8601 text. */
export interface ActivityInput {
  /** EMAIL, PHONE_CALL, APPOINTMENT or TASK. */
  readonly type: string;
  readonly subject: string;
  readonly description?: string | null;
  /** OUTGOING (we started it) or INCOMING (they did). */
  readonly direction?: string | null;
  readonly occurredAt: string;
  readonly durationMinutes?: number | null;
  readonly regardingAccountId?: string | null;
  readonly regardingContactId?: string | null;
  readonly regardingOpportunityId?: string | null;
  readonly participants?: readonly ParticipantInput[] | null;
  /** The e-mail this one answers. */
  readonly inReplyToActivityId?: string | null;
}

/** The users and contacts the participants name, by id (loaded by the command handler). */
export interface ParticipantStates {
  readonly users: ReadonlyMap<string, UserState>;
  readonly contacts: ReadonlyMap<string, ContactState>;
}

export type ActivityCommand =
  | {
      readonly type: 'LogActivity';
      readonly activityId: string;
      readonly input: ActivityInput;
      readonly ownerId: string;
      readonly owner: UserState;
      readonly regardingOpportunity: RecordRef<OpportunityState> | null;
      /** The regarding account and contact, and the regarding opportunity's (see `activityParents`). */
      readonly parents: ParentStates;
      readonly participants: ParticipantStates;
      readonly inReplyTo: RecordRef<ActivityState> | null;
    }
  | { readonly type: 'AssignActivityOwner'; readonly activityId: string; readonly ownerId: string; readonly owner: UserState };
