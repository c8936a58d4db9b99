import type { Role, UserEvent } from '../../../events';
import { assertNever } from '../../shared/assert-never';

/** A user of the CRM as its events define it. */
export type UserState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly email: string;
      readonly name: string;
      readonly roles: readonly Role[];
      /** False once deactivated: the user can no longer act. */
      readonly active: boolean;
    };

export const initialUserState: UserState = { exists: false };

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return { exists: true, id: event.data.userId, email: event.data.email, name: event.data.name, roles: event.data.roles, active: true };
    case 'UserRolesChanged':
      return state.exists ? { ...state, roles: event.data.roles } : state;
    case 'UserDeactivated':
      return state.exists ? { ...state, active: false } : state;
    case 'UserActivated':
      return state.exists ? { ...state, active: true } : state;
    case 'UserIntroductionsPreferenceSet':
      // Read by who-knows-whom only; no rule depends on it.
      return state;
    case 'UserEmailClaimed':
      // Lives on the e-mail's own stream; a user's stream never holds it.
      return state;
    default:
      return assertNever(event);
  }
}

/** The state of an e-mail address's claim stream: which user holds it, if any. */
export type EmailClaimState = { readonly claimedBy: string | null };
export const initialEmailClaimState: EmailClaimState = { claimedBy: null };

export function evolveEmailClaim(state: EmailClaimState, event: UserEvent): EmailClaimState {
  return event.type === 'UserEmailClaimed' ? { claimedBy: event.data.userId } : state;
}
