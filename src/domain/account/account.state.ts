import type { AccountEvent, AccountProfile } from '../../../events';
import { assertNever } from '../../shared/assert-never';

export type RecordStatus = 'active' | 'inactive';

/** An account as its own events define it; `exists: false` before AccountCreated. */
export type AccountState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly profile: AccountProfile;
      readonly ownerId: string;
      readonly status: RecordStatus;
    };

export const initialAccountState: AccountState = { exists: false };

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated': {
      const { accountId, ownerId, ...profile } = event.data;
      return { exists: true, id: accountId, profile, ownerId, status: 'active' };
    }
    case 'AccountUpdated': {
      if (!state.exists) return state;
      const { accountId: _id, ...changes } = event.data;
      return { ...state, profile: { ...state.profile, ...changes } };
    }
    case 'AccountDeactivated':
      return state.exists ? { ...state, status: 'inactive' } : state;
    case 'AccountActivated':
      return state.exists ? { ...state, status: 'active' } : state;
    case 'AccountOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    default:
      return assertNever(event);
  }
}
