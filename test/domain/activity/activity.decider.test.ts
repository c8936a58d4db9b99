import { activityDecider, activityParents } from '../../../src/domain/activity/activity.decider';
import type { ActivityCommand, ActivityInput, ParticipantStates } from '../../../src/domain/activity/activity.commands';
import type { ActivityState } from '../../../src/domain/activity/activity.state';
import { NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import type { OpportunityState } from '../../../src/domain/opportunity/opportunity.state';
import type { ParentStates } from '../../../src/domain/parent-records';
import { deciderSpec } from '../../support/decider-spec';
import {
  CONTACT,
  OTHER_CONTACT,
  OTHER_USER,
  OWNER,
  contactState,
  existingUser,
  inactiveAccount,
  otherUser,
} from '../../support/event-builders';
import {
  ACCOUNT,
  ACTIVE_PARENTS,
  ACTIVITY,
  OPPORTUNITY,
  OTHER_ACTIVITY,
  activityLogged,
  openOpportunity,
  parents,
} from '../../support/sales-builders';

const spec = deciderSpec(activityDecider);
const NOBODY: ParticipantStates = { users: new Map(), contacts: new Map() };
const EVERYONE: ParticipantStates = {
  users: new Map([
    [OWNER, existingUser],
    [OTHER_USER, otherUser],
  ]),
  contacts: new Map([
    [CONTACT, contactState()],
    [OTHER_CONTACT, contactState({ id: OTHER_CONTACT, status: 'inactive' })],
  ]),
};

const log = (
  input: Partial<ActivityInput> = {},
  context: {
    parents?: ParentStates;
    opportunity?: OpportunityState;
    participants?: ParticipantStates;
    inReplyTo?: ActivityState;
  } = {},
): ActivityCommand => ({
  type: 'LogActivity',
  activityId: ACTIVITY,
  input: { type: 'EMAIL', subject: 'Hello', occurredAt: '2026-03-01T09:30:00Z', ...input },
  ownerId: OWNER,
  owner: existingUser,
  regardingOpportunity: context.opportunity ? { id: OPPORTUNITY, state: context.opportunity } : null,
  parents: context.parents ?? ACTIVE_PARENTS,
  participants: context.participants ?? NOBODY,
  inReplyTo: context.inReplyTo ? { id: OTHER_ACTIVITY, state: context.inReplyTo } : null,
});

describe('activity decider', () => {
  describe('logging', () => {
    it('records an e-mail with only a type, a subject and when it happened', () => {
      spec.given([]).when(log()).then([activityLogged()]);
    });

    it.each(['EMAIL', 'PHONE_CALL', 'APPOINTMENT', 'TASK'])('logs a %s', (type) => {
      expect(spec.given([]).when(log({ type })).events()[0]!.data).toMatchObject({ type });
    });

    it('refuses an unknown type', () => {
      spec
        .given([])
        .when(log({ type: 'FAX' }))
        .thenThrows(ValidationError, { field: 'type' });
    });

    it.each(['OUTGOING', 'INCOMING'])('records the direction %s', (direction) => {
      expect(spec.given([]).when(log({ direction })).events()[0]!.data).toMatchObject({ direction });
    });

    it('refuses an unknown direction', () => {
      spec
        .given([])
        .when(log({ direction: 'SIDEWAYS' }))
        .thenThrows(ValidationError, { field: 'direction' });
    });

    it('refuses a blank subject', () => {
      spec
        .given([])
        .when(log({ subject: '  ' }))
        .thenThrows(ValidationError, { field: 'subject' });
    });

    it('refuses a missing occurredAt', () => {
      spec
        .given([])
        .when(log({ occurredAt: undefined as unknown as string }))
        .thenThrows(ValidationError, { field: 'occurredAt' });
    });

    it.each([-1, 10_081, 1.5])('refuses a duration of %p minutes (0 to a week)', (durationMinutes) => {
      spec.given([]).when(log({ durationMinutes })).thenThrows(ValidationError, { field: 'durationMinutes' });
    });

    it('records users and contacts as participants, in order, without repeats', () => {
      const [event] = spec
        .given([])
        .when(
          log(
            { participants: [{ userId: OWNER }, { contactId: CONTACT }, { userId: OWNER }, { contactId: OTHER_CONTACT }] },
            { participants: EVERYONE },
          ),
        )
        .events();
      expect(event!.data).toMatchObject({
        participants: [
          { userId: OWNER, contactId: null },
          { userId: null, contactId: CONTACT },
          { userId: null, contactId: OTHER_CONTACT },
        ],
      });
    });

    it.each([
      ['both a user and a contact', { userId: OWNER, contactId: CONTACT }],
      ['neither', {}],
    ])('refuses a participant naming %s', (_case, participant) => {
      spec
        .given([])
        .when(log({ participants: [participant] }, { participants: EVERYONE }))
        .thenThrows(ValidationError, { field: 'participants[0]' });
    });

    it('refuses a participant that does not exist, naming it', () => {
      spec
        .given([])
        .when(log({ participants: [{ userId: OWNER }, { contactId: CONTACT }] }, { participants: { ...EVERYONE, contacts: new Map() } }))
        .thenThrows(NotFoundError, { field: 'participants[1].contactId' });
    });

    it('records the account, contact and opportunity it regards', () => {
      const [event] = spec
        .given([])
        .when(
          log(
            { regardingAccountId: ACCOUNT, regardingContactId: CONTACT, regardingOpportunityId: OPPORTUNITY },
            { opportunity: openOpportunity() },
          ),
        )
        .events();
      expect(event!.data).toMatchObject({ regardingAccountId: ACCOUNT, regardingContactId: CONTACT, regardingOpportunityId: OPPORTUNITY });
    });

    it('refuses an activity regarding an inactive account (RECORD_INACTIVE)', () => {
      spec
        .given([])
        .when(log({ regardingAccountId: ACCOUNT }, { parents: parents([inactiveAccount()]) }))
        .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE', field: 'regardingAccountId' });
    });

    it('refuses an activity regarding an inactive contact', () => {
      spec
        .given([])
        .when(log({ regardingContactId: CONTACT }, { parents: parents([], [contactState({ status: 'inactive' })]) }))
        .thenThrows(RecordInactiveError, { field: 'regardingContactId' });
    });

    it('refuses an activity regarding an opportunity whose account is inactive', () => {
      spec
        .given([])
        .when(log({ regardingOpportunityId: OPPORTUNITY }, { opportunity: openOpportunity(), parents: parents([inactiveAccount()]) }))
        .thenThrows(RecordInactiveError, { field: 'regardingOpportunityId', details: { recordType: 'ACCOUNT', id: ACCOUNT } });
    });

    it('refuses an activity regarding an opportunity that does not exist', () => {
      spec
        .given([])
        .when(log({ regardingOpportunityId: OPPORTUNITY }, { opportunity: { exists: false } }))
        .thenThrows(NotFoundError, { field: 'regardingOpportunityId' });
    });

    it('lets an inactive contact take part (an e-mail from them is still a fact)', () => {
      const [event] = spec
        .given([])
        .when(log({ participants: [{ contactId: OTHER_CONTACT }] }, { participants: EVERYONE }))
        .events();
      expect(event!.data).toMatchObject({ participants: [{ contactId: OTHER_CONTACT }] });
    });

    it('threads an e-mail that answers another e-mail', () => {
      const [event] = spec
        .given([])
        .when(
          log({ inReplyToActivityId: OTHER_ACTIVITY }, { inReplyTo: { exists: true, id: OTHER_ACTIVITY, type: 'EMAIL', ownerId: OWNER } }),
        )
        .events();
      expect(event!.data).toMatchObject({ inReplyToActivityId: OTHER_ACTIVITY });
    });

    it('refuses a reply that is not an e-mail', () => {
      spec
        .given([])
        .when(
          log(
            { type: 'PHONE_CALL', inReplyToActivityId: OTHER_ACTIVITY },
            { inReplyTo: { exists: true, id: OTHER_ACTIVITY, type: 'EMAIL', ownerId: OWNER } },
          ),
        )
        .thenThrows(ValidationError, { field: 'inReplyToActivityId' });
    });

    it('refuses a reply to something that is not an e-mail', () => {
      spec
        .given([])
        .when(
          log({ inReplyToActivityId: OTHER_ACTIVITY }, { inReplyTo: { exists: true, id: OTHER_ACTIVITY, type: 'TASK', ownerId: OWNER } }),
        )
        .thenThrows(ValidationError, { field: 'inReplyToActivityId' });
    });

    it('refuses a reply to an activity that does not exist', () => {
      spec
        .given([])
        .when(log({ inReplyToActivityId: OTHER_ACTIVITY }, { inReplyTo: { exists: false } }))
        .thenThrows(NotFoundError, { field: 'inReplyToActivityId' });
    });

    it('hangs an activity off the regarding account and contact and the opportunity’s, each once', () => {
      expect(
        activityParents({ regardingAccountId: ACCOUNT, regardingContactId: CONTACT }, openOpportunity({ contactId: OTHER_CONTACT })),
      ).toEqual([
        { kind: 'account', id: ACCOUNT, field: 'regardingAccountId' },
        { kind: 'contact', id: CONTACT, field: 'regardingContactId' },
        { kind: 'contact', id: OTHER_CONTACT, field: 'regardingOpportunityId' },
      ]);
    });
  });

  describe('assigning an owner', () => {
    const assign = { type: 'AssignActivityOwner', activityId: ACTIVITY, ownerId: OTHER_USER, owner: otherUser } as const;

    it('records the new and the previous owner', () => {
      spec
        .given([activityLogged()])
        .when(assign)
        .then([
          { type: 'ActivityOwnerAssigned', schemaVersion: 1, data: { activityId: ACTIVITY, ownerId: OTHER_USER, previousOwnerId: OWNER } },
        ]);
    });

    it('refuses an activity that does not exist', () => {
      spec.given([]).when(assign).thenThrows(NotFoundError, { field: 'id' });
    });

    it('refuses an owner that does not exist', () => {
      spec
        .given([activityLogged()])
        .when({ ...assign, owner: { exists: false } })
        .thenThrows(NotFoundError, { field: 'ownerId' });
    });
  });
});
