import { opportunityDecider } from '../../../src/domain/opportunity/opportunity.decider';
import type { OpportunityCommand, OpportunityInput } from '../../../src/domain/opportunity/opportunity.commands';
import { NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import { deciderSpec } from '../../support/decider-spec';
import { ACCOUNT, CONTACT, OTHER_USER, OWNER, contactState, existingUser, inactiveAccount, otherUser } from '../../support/event-builders';
import { ACTIVE_PARENTS, OPPORTUNITY, opportunityCreated, parents } from '../../support/sales-builders';

const spec = deciderSpec(opportunityDecider);
const create = (
  input: Partial<OpportunityInput>,
  customer: { accountId?: string | null; contactId?: string | null } = { accountId: ACCOUNT },
  states = ACTIVE_PARENTS,
): OpportunityCommand => ({
  type: 'CreateOpportunity',
  opportunityId: OPPORTUNITY,
  input: { topic: 'CRM rollout', ...input },
  ownerId: OWNER,
  owner: existingUser,
  accountId: customer.accountId ?? null,
  contactId: customer.contactId ?? null,
  parents: states,
});
const close = (status: string): OpportunityCommand => ({ type: 'CloseOpportunity', opportunityId: OPPORTUNITY, status });
const closed = (status: 'WON' | 'LOST') =>
  ({ type: 'OpportunityClosed', schemaVersion: 1, data: { opportunityId: OPPORTUNITY, status } }) as const;

describe('opportunity decider', () => {
  describe('creating', () => {
    it('needs a topic and a potential customer, and starts with every other field empty', () => {
      spec.given([]).when(create({})).then([opportunityCreated()]);
    });

    it('accepts a contact alone as the potential customer', () => {
      spec
        .given([])
        .when(create({}, { contactId: CONTACT }))
        .then([opportunityCreated({ accountId: null, contactId: CONTACT })]);
    });

    it('accepts an account and a contact together', () => {
      const [event] = spec
        .given([])
        .when(create({}, { accountId: ACCOUNT, contactId: CONTACT }))
        .events();
      expect(event!.data).toMatchObject({ accountId: ACCOUNT, contactId: CONTACT });
    });

    it('refuses an opportunity without an account or a contact, naming accountId', () => {
      spec.given([]).when(create({}, {})).thenThrows(ValidationError, { code: 'BAD_USER_INPUT', field: 'accountId' });
    });

    it.each([
      ['missing', undefined],
      ['blank', '  '],
      ['301 characters', 'x'.repeat(301)],
    ])('refuses a topic that is %s', (_case, topic) => {
      spec
        .given([])
        .when(create({ topic: topic }))
        .thenThrows(ValidationError, { field: 'topic' });
    });

    it('records the estimated revenue as an exact decimal with two places', () => {
      const [event] = spec
        .given([])
        .when(create({ estimatedRevenue: '125000.5' }))
        .events();
      expect(event!.data).toMatchObject({ estimatedRevenue: '125000.50' });
    });

    it.each([
      ['more than two decimals', '10.001'],
      ['negative', '-5.00'],
      ['not a number', 'ten'],
    ])('refuses an estimated revenue that is %s, naming the field', (_case, estimatedRevenue) => {
      spec.given([]).when(create({ estimatedRevenue })).thenThrows(ValidationError, { field: 'estimatedRevenue' });
    });

    it.each([-1, 101, 2.5])('refuses a probability of %p (0 to 100 only)', (probability) => {
      spec.given([]).when(create({ probability })).thenThrows(ValidationError, { field: 'probability' });
    });

    it('accepts probabilities of 0 and 100', () => {
      expect(
        spec
          .given([])
          .when(create({ probability: 0 }))
          .events()[0]!.data,
      ).toMatchObject({ probability: 0 });
      expect(
        spec
          .given([])
          .when(create({ probability: 100 }))
          .events()[0]!.data,
      ).toMatchObject({ probability: 100 });
    });

    it('records the estimated close date in UTC', () => {
      const [event] = spec
        .given([])
        .when(create({ estimatedCloseDate: '2026-06-30T12:00:00+02:00' }))
        .events();
      expect(event!.data).toMatchObject({ estimatedCloseDate: '2026-06-30T10:00:00.000Z' });
    });

    it('refuses an estimated close date that is not an ISO-8601 instant', () => {
      spec
        .given([])
        .when(create({ estimatedCloseDate: '30/06/2026' }))
        .thenThrows(ValidationError, { field: 'estimatedCloseDate' });
    });

    it('refuses an opportunity for an inactive account (RECORD_INACTIVE on accountId)', () => {
      spec
        .given([])
        .when(create({}, { accountId: ACCOUNT }, parents([inactiveAccount()])))
        .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE', field: 'accountId' });
    });

    it('refuses an opportunity for an inactive contact (RECORD_INACTIVE on contactId)', () => {
      spec
        .given([])
        .when(create({}, { contactId: CONTACT }, parents([], [contactState({ status: 'inactive' })])))
        .thenThrows(RecordInactiveError, { field: 'contactId' });
    });

    it('refuses an account that does not exist', () => {
      spec
        .given([])
        .when(create({}, { accountId: ACCOUNT }, parents([])))
        .thenThrows(NotFoundError, { code: 'NOT_FOUND', field: 'accountId' });
    });

    it('refuses an owner that does not exist', () => {
      spec
        .given([])
        .when({ ...create({}), owner: { exists: false } } as OpportunityCommand)
        .thenThrows(NotFoundError, { field: 'ownerId' });
    });
  });

  describe('closing', () => {
    it.each(['WON', 'LOST'] as const)('closes an open opportunity as %s', (status) => {
      spec
        .given([opportunityCreated()])
        .when(close(status))
        .then([closed(status)]);
    });

    it('refuses OPEN as a way to close', () => {
      spec.given([opportunityCreated()]).when(close('OPEN')).thenThrows(ValidationError, { field: 'status' });
    });

    it('keeps a closed opportunity read-only: closing it again is refused with RECORD_INACTIVE', () => {
      spec
        .given([opportunityCreated(), closed('WON')])
        .when(close('LOST'))
        .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE' });
    });

    it('refuses to close an opportunity that does not exist', () => {
      spec.given([]).when(close('WON')).thenThrows(NotFoundError);
    });
  });

  describe('assigning an owner', () => {
    const assign = { type: 'AssignOpportunityOwner', opportunityId: OPPORTUNITY, ownerId: OTHER_USER, owner: otherUser } as const;

    it('records the new and the previous owner', () => {
      spec
        .given([opportunityCreated()])
        .when(assign)
        .then([
          {
            type: 'OpportunityOwnerAssigned',
            schemaVersion: 1,
            data: { opportunityId: OPPORTUNITY, ownerId: OTHER_USER, previousOwnerId: OWNER },
          },
        ]);
    });

    it('changes nothing when the owner stays the same', () => {
      spec
        .given([opportunityCreated()])
        .when({ ...assign, ownerId: OWNER, owner: existingUser })
        .then([]);
    });

    it('refuses to reassign a closed opportunity (read-only)', () => {
      spec
        .given([opportunityCreated(), closed('LOST')])
        .when(assign)
        .thenThrows(RecordInactiveError);
    });

    it('refuses a deactivated user as the owner', () => {
      spec
        .given([opportunityCreated()])
        .when({ ...assign, owner: { ...otherUser, active: false } as typeof otherUser })
        .thenThrows(RecordInactiveError, { field: 'ownerId' });
    });
  });

  it('folds the events into the state the rules read', () => {
    const state = [opportunityCreated({ contactId: CONTACT }), closed('WON')].reduce(
      opportunityDecider.evolve,
      opportunityDecider.initialState,
    );
    expect(state).toMatchObject({ exists: true, status: 'WON', profile: { accountId: ACCOUNT, contactId: CONTACT } });
  });
});
