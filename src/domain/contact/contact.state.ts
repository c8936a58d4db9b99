import { ERASED_CONTACT_PROFILE, type ContactEvent, type ContactProfile } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { RecordStatus } from '../account/account.state';

/** A contact as its own events define it; `exists: false` before ContactCreated. */
export type ContactState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly id: string;
      readonly profile: ContactProfile;
      readonly accountId: string | null;
      readonly ownerId: string;
      readonly status: RecordStatus;
      /** True once the person's data was erased: the profile then holds only the erased placeholders. */
      readonly personalDataErased: boolean;
    };

export const initialContactState: ContactState = { exists: false };

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactCreated': {
      const { contactId, ownerId, ...profile } = event.data;
      return { exists: true, id: contactId, profile, accountId: null, ownerId, status: 'active', personalDataErased: false };
    }
    case 'ContactUpdated': {
      if (!state.exists) return state;
      const { contactId: _id, ...changes } = event.data;
      return { ...state, profile: { ...state.profile, ...changes } };
    }
    case 'ContactAssociatedWithAccount':
      return state.exists ? { ...state, accountId: event.data.accountId } : state;
    case 'ContactDisassociatedFromAccount':
      return state.exists ? { ...state, accountId: null } : state;
    case 'ContactDeactivated':
      return state.exists ? { ...state, status: 'inactive' } : state;
    case 'ContactActivated':
      return state.exists ? { ...state, status: 'active' } : state;
    case 'ContactOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    case 'ContactPersonalDataErased':
      return state.exists ? { ...state, profile: ERASED_CONTACT_PROFILE, personalDataErased: true } : state;
    default:
      return assertNever(event);
  }
}

/** "First Last", the way the contact is named in lists and messages. */
export function contactFullName(profile: Pick<ContactProfile, 'firstName' | 'lastName'>): string {
  return `${profile.firstName} ${profile.lastName}`.trim();
}
