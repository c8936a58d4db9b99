import type { AccountState } from './account/account.state';
import type { ContactState } from './contact/contact.state';
import { NotFoundError, RecordInactiveError } from './errors';

/** An account or contact a new record would hang off, and the input field through which it does. */
export interface ParentLink {
  readonly kind: 'account' | 'contact';
  readonly id: string;
  /** Named in a refusal: the field the client filled in (`accountId`, or `opportunityId` for the opportunity's account). */
  readonly field: string;
}

/** The states of the accounts and contacts that links lead to, by id (loaded by the command handler). */
export interface ParentStates {
  readonly accounts: ReadonlyMap<string, AccountState>;
  readonly contacts: ReadonlyMap<string, ContactState>;
}

export const NO_PARENTS: ParentStates = { accounts: new Map(), contacts: new Map() };

/** The links to an account and a contact, where given. */
export function parentLinks(
  accountId: string | null,
  contactId: string | null,
  fields: { account: string; contact: string },
): ParentLink[] {
  const links: ParentLink[] = [];
  if (accountId !== null) links.push({ kind: 'account', id: accountId, field: fields.account });
  if (contactId !== null) links.push({ kind: 'contact', id: contactId, field: fields.contact });
  return links;
}

/**
 * Every account and contact a new record would hang off must exist and be active: a deactivated account or
 * contact keeps its records (they stay active and readable), but nothing new may be created from them.
 * `consequence` finishes the refusal's message ("no new quote can be created from its opportunities").
 */
export function requireActiveParents(links: readonly ParentLink[], states: ParentStates, consequence: string): void {
  for (const link of links) {
    const state = link.kind === 'account' ? states.accounts.get(link.id) : states.contacts.get(link.id);
    if (!state?.exists) throw new NotFoundError(link.kind, link.id, link.field);
    if (state.status !== 'active') {
      throw new RecordInactiveError(link.kind, link.id, `The ${link.kind} ${link.id} is inactive: ${consequence}`, link.field);
    }
  }
}
