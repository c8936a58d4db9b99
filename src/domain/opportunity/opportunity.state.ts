import type { OpportunityEvent, OpportunityProfile, OpportunityStatus } from '../../../events';
import { assertNever } from '../../shared/assert-never';

/** An opportunity as its own events define it; `exists: false` before OpportunityCreated. */
export type OpportunityState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly profile: OpportunityProfile;
      readonly ownerId: string;
      /** OPEN until closed as WON or LOST; a closed opportunity is read-only. */
      readonly status: OpportunityStatus;
    };

export const initialOpportunityState: OpportunityState = { exists: false };

export function evolveOpportunity(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  switch (event.type) {
    case 'OpportunityCreated': {
      const { opportunityId, ownerId, ...profile } = event.data;
      return { exists: true, id: opportunityId, profile, ownerId, status: 'OPEN' };
    }
    case 'OpportunityClosed':
      return state.exists ? { ...state, status: event.data.status } : state;
    case 'OpportunityOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    default:
      return assertNever(event);
  }
}
