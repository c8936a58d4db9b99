import type { OpportunityEvent, OpportunityOutcome } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import { parentLinks, requireActiveParents } from '../parent-records';
import type { Decider } from '../decider';
import { NotFoundError, RecordInactiveError, ValidationError } from '../errors';
import { SALES_LIMITS, checkChoice, checkInstant } from '../sales-validation';
import { requireActiveOwner } from '../user/require-owner';
import { InputCheck } from '../validation';
import type { OpportunityCommand } from './opportunity.commands';
import { evolveOpportunity, initialOpportunityState, type OpportunityState } from './opportunity.state';

const OUTCOMES: readonly OpportunityOutcome[] = ['WON', 'LOST'];

export const opportunityDecider: Decider<OpportunityCommand, OpportunityState, OpportunityEvent> = {
  initialState: initialOpportunityState,
  evolve: evolveOpportunity,
  decide(command, state) {
    switch (command.type) {
      case 'CreateOpportunity': {
        if (state.exists) throw ValidationError.of('id', `Opportunity ${command.opportunityId} already exists`);
        const check = new InputCheck();
        const { input } = command;
        const topic = check.required('topic', input.topic, { max: SALES_LIMITS.topic });
        const estimatedRevenue = check.amount('estimatedRevenue', input.estimatedRevenue);
        const estimatedCloseDate = checkInstant(check, 'estimatedCloseDate', input.estimatedCloseDate);
        const probability = check.integer('probability', input.probability, 0, 100);
        if (command.accountId === null && command.contactId === null) {
          check.fail('accountId', 'an opportunity needs a potential customer: an account, a contact or both');
        }
        check.done();
        requireActiveOwner(command.owner, command.ownerId);
        const links = parentLinks(command.accountId, command.contactId, { account: 'accountId', contact: 'contactId' });
        requireActiveParents(links, command.parents, 'no new opportunity can be created for it');
        return [
          {
            type: 'OpportunityCreated',
            schemaVersion: 1,
            data: {
              opportunityId: command.opportunityId,
              ownerId: command.ownerId,
              topic,
              accountId: command.accountId,
              contactId: command.contactId,
              estimatedRevenue: estimatedRevenue ?? null,
              estimatedCloseDate: estimatedCloseDate ?? null,
              probability: probability ?? null,
            },
          },
        ];
      }
      case 'CloseOpportunity': {
        const check = new InputCheck();
        const status = checkChoice(check, 'status', command.status, OUTCOMES);
        check.done();
        requireOpen(state, command.opportunityId);
        return [{ type: 'OpportunityClosed', schemaVersion: 1, data: { opportunityId: command.opportunityId, status: status! } }];
      }
      case 'AssignOpportunityOwner': {
        const opportunity = requireOpen(state, command.opportunityId);
        requireActiveOwner(command.owner, command.ownerId);
        if (opportunity.ownerId === command.ownerId) return [];
        return [
          {
            type: 'OpportunityOwnerAssigned',
            schemaVersion: 1,
            data: { opportunityId: command.opportunityId, ownerId: command.ownerId, previousOwnerId: opportunity.ownerId },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

type ExistingOpportunity = Extract<OpportunityState, { exists: true }>;

export function requireExistingOpportunity(state: OpportunityState, id: string, field?: string): ExistingOpportunity {
  if (!state.exists) throw new NotFoundError('opportunity', id, field);
  return state;
}

/** A closed (won or lost) opportunity is read-only: every change is refused. */
export function requireOpen(state: OpportunityState, id: string, field?: string, consequence?: string): ExistingOpportunity {
  const opportunity = requireExistingOpportunity(state, id, field);
  if (opportunity.status !== 'OPEN') {
    throw new RecordInactiveError(
      'opportunity',
      id,
      `The opportunity ${id} is closed (${opportunity.status}) and read-only${consequence ? `: ${consequence}` : ''}`,
      field,
    );
  }
  return opportunity;
}
