import type { ContactEvent } from '../../../events';
import type { AccountState } from '../account/account.state';
import { requireActive as requireActiveAccount } from '../account/account.decider';
import { ContactAlreadyAssociatedError, ValidationError, type AssociationConflict } from '../errors';
import { contactDecider, requireActive } from './contact.decider';
import type { ContactState } from './contact.state';

export interface ContactToLink {
  readonly contactId: string;
  readonly state: ContactState;
  /** The account it belongs to now, when that is another one. */
  readonly currentAccount: AccountState | null;
}

/** The most contacts one associateContacts may link. */
export const MAX_CONTACTS_PER_ASSOCIATION = 500;

/**
 * Links several contacts to one account, all or nothing: if any contact is missing, inactive or already
 * belongs to another account, no contact is linked and every conflict is named in the refusal.
 * Returns the events per contact stream (contacts already linked to this account produce none).
 */
export function decideAssociateContacts(
  accountId: string,
  account: AccountState,
  contacts: readonly ContactToLink[],
): Map<string, ContactEvent[]> {
  if (contacts.length === 0) throw ValidationError.of('contactIds', 'must name at least one contact');
  if (contacts.length > MAX_CONTACTS_PER_ASSOCIATION) {
    throw ValidationError.of('contactIds', `must name at most ${MAX_CONTACTS_PER_ASSOCIATION} contacts`);
  }
  requireActiveAccount(account, accountId, 'accountId');
  const conflicts: AssociationConflict[] = [];
  const decided = new Map<string, ContactEvent[]>();
  contacts.forEach((contact, index) => {
    requireActive(contact.state, contact.contactId, `contactIds[${index}]`);
    try {
      decided.set(
        contact.contactId,
        contactDecider.decide(
          {
            type: 'AssociateContactWithAccount',
            contactId: contact.contactId,
            account: { id: accountId, state: account },
            currentAccount: contact.currentAccount,
          },
          contact.state,
        ),
      );
    } catch (error) {
      if (!(error instanceof ContactAlreadyAssociatedError)) throw error;
      conflicts.push(...error.conflicts);
    }
  });
  if (conflicts.length > 0) throw new ContactAlreadyAssociatedError(conflicts, 'contactIds');
  return decided;
}
