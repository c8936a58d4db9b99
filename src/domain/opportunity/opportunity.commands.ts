import type { ParentStates } from '../parent-records';
import type { UserState } from '../user/user.state';

/** The opportunity fields a client sends when creating one; instants are ISO-8601 texts, amounts decimal texts. */
export interface OpportunityInput {
  readonly topic: string;
  readonly estimatedRevenue?: string | null;
  readonly estimatedCloseDate?: string | null;
  readonly probability?: number | null;
}

export type OpportunityCommand =
  | {
      readonly type: 'CreateOpportunity';
      readonly opportunityId: string;
      readonly input: OpportunityInput;
      readonly ownerId: string;
      readonly owner: UserState;
      /** The potential customer: an account, a contact, or both (at least one). */
      readonly accountId: string | null;
      readonly contactId: string | null;
      /** The states of that account and contact. */
      readonly parents: ParentStates;
    }
  | {
      readonly type: 'CloseOpportunity';
      readonly opportunityId: string;
      /** WON or LOST (anything else is refused). */
      readonly status: string;
    }
  | { readonly type: 'AssignOpportunityOwner'; readonly opportunityId: string; readonly ownerId: string; readonly owner: UserState };
