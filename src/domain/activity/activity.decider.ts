import { ACTIVITY_TYPES, DIRECTIONS, type ActivityEvent, type ActivityParticipantData } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { NotFoundError, ValidationError } from '../errors';
import type { OpportunityState } from '../opportunity/opportunity.state';
import { parentLinks, requireActiveParents, type ParentLink } from '../parent-records';
import { SALES_LIMITS, checkChoice, requiredInstant } from '../sales-validation';
import { requireActiveOwner } from '../user/require-owner';
import { InputCheck } from '../validation';
import type { ActivityCommand, ActivityInput, ParticipantInput, ParticipantStates } from './activity.commands';
import { evolveActivity, initialActivityState, type ActivityState } from './activity.state';

/** The most participants one activity may name. */
export const MAX_PARTICIPANTS = 100;
/** The longest duration accepted: a week, in minutes. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

export const activityDecider: Decider<ActivityCommand, ActivityState, ActivityEvent> = {
  initialState: initialActivityState,
  evolve: evolveActivity,
  decide(command, state) {
    switch (command.type) {
      case 'LogActivity': {
        if (state.exists) throw ValidationError.of('id', `Activity ${command.activityId} already exists`);
        const { input } = command;
        const check = new InputCheck();
        const type = checkChoice(check, 'type', input.type, ACTIVITY_TYPES);
        const subject = check.required('subject', input.subject, { max: SALES_LIMITS.activitySubject });
        const description = check.text('description', input.description, { max: SALES_LIMITS.activityDescription, multiline: true });
        const direction =
          input.direction === undefined || input.direction === null ? null : checkChoice(check, 'direction', input.direction, DIRECTIONS);
        const occurredAt = requiredInstant(check, 'occurredAt', input.occurredAt);
        const durationMinutes = check.integer('durationMinutes', input.durationMinutes, 0, MAX_DURATION_MINUTES);
        const participants = checkParticipants(check, input.participants ?? []);
        if (input.inReplyToActivityId && type !== undefined && type !== 'EMAIL') {
          check.fail('inReplyToActivityId', 'only an e-mail can be a reply (to another e-mail)');
        }
        check.done();
        requireActiveOwner(command.owner, command.ownerId);
        requireParticipants(input.participants ?? [], command.participants);
        if (command.regardingOpportunity && !command.regardingOpportunity.state.exists) {
          throw new NotFoundError('opportunity', command.regardingOpportunity.id, 'regardingOpportunityId');
        }
        requireActiveParents(
          activityParents(input, command.regardingOpportunity?.state ?? null),
          command.parents,
          'no new activity can be logged regarding it',
        );
        if (command.inReplyTo) {
          const original = command.inReplyTo.state;
          if (!original.exists) throw new NotFoundError('activity', command.inReplyTo.id, 'inReplyToActivityId');
          if (original.type !== 'EMAIL') throw ValidationError.of('inReplyToActivityId', `activity ${original.id} is not an e-mail`);
        }
        return [
          {
            type: 'ActivityLogged',
            schemaVersion: 1,
            data: {
              activityId: command.activityId,
              ownerId: command.ownerId,
              type: type!,
              subject,
              description: description ?? null,
              direction: direction ?? null,
              occurredAt,
              durationMinutes: durationMinutes ?? null,
              regardingAccountId: input.regardingAccountId ?? null,
              regardingContactId: input.regardingContactId ?? null,
              regardingOpportunityId: command.regardingOpportunity?.id ?? null,
              participants,
              inReplyToActivityId: command.inReplyTo?.id ?? null,
            },
          },
        ];
      }
      case 'AssignActivityOwner': {
        if (!state.exists) throw new NotFoundError('activity', command.activityId, 'id');
        requireActiveOwner(command.owner, command.ownerId);
        if (state.ownerId === command.ownerId) return [];
        return [
          {
            type: 'ActivityOwnerAssigned',
            schemaVersion: 1,
            data: { activityId: command.activityId, ownerId: command.ownerId, previousOwnerId: state.ownerId },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

/**
 * What an activity hangs off: the account and contact it regards, and the account and contact of the opportunity
 * it regards. None of them may be inactive.
 */
export function activityParents(
  input: Pick<ActivityInput, 'regardingAccountId' | 'regardingContactId'>,
  opportunity: OpportunityState | null,
): ParentLink[] {
  const links = parentLinks(input.regardingAccountId ?? null, input.regardingContactId ?? null, {
    account: 'regardingAccountId',
    contact: 'regardingContactId',
  });
  if (opportunity?.exists) {
    for (const link of parentLinks(opportunity.profile.accountId, opportunity.profile.contactId, {
      account: 'regardingOpportunityId',
      contact: 'regardingOpportunityId',
    })) {
      if (!links.some((known) => known.kind === link.kind && known.id === link.id)) links.push(link);
    }
  }
  return links;
}

/** Each participant names exactly one user or contact; repeats are dropped, the order is kept. */
export function checkParticipants(check: InputCheck, participants: readonly ParticipantInput[]): ActivityParticipantData[] {
  if (participants.length > MAX_PARTICIPANTS) {
    check.fail('participants', `must name at most ${MAX_PARTICIPANTS} participants`);
    return [];
  }
  const result: ActivityParticipantData[] = [];
  participants.forEach((participant, index) => {
    const userId = participant.userId ?? null;
    const contactId = participant.contactId ?? null;
    if ((userId === null) === (contactId === null)) {
      check.fail(`participants[${index}]`, 'must name exactly one of userId and contactId');
      return;
    }
    if (!result.some((known) => known.userId === userId && known.contactId === contactId)) result.push({ userId, contactId });
  });
  return result;
}

/** Every participant must exist; an inactive contact may still take part (an e-mail from them is a fact). */
function requireParticipants(participants: readonly ParticipantInput[], states: ParticipantStates): void {
  participants.forEach((participant, index) => {
    if (participant.userId != null && !states.users.get(participant.userId)?.exists) {
      throw new NotFoundError('user', participant.userId, `participants[${index}].userId`);
    }
    if (participant.contactId != null && !states.contacts.get(participant.contactId)?.exists) {
      throw new NotFoundError('contact', participant.contactId, `participants[${index}].contactId`);
    }
  });
}
