import fc from 'fast-check';
import type { AccountEvent, ContactEvent } from '../../../events';
import { accountDecider } from '../../../src/domain/account/account.decider';
import type { AccountState } from '../../../src/domain/account/account.state';
import { contactDecider } from '../../../src/domain/contact/contact.decider';
import type { ContactState } from '../../../src/domain/contact/contact.state';
import { fold } from '../../../src/domain/decider';

/** How many accounts, contacts and owners a random sequence plays with (few, so commands collide often). */
export const ACCOUNTS = 4;
export const CONTACTS = 6;
/** Owners: 0 is the acting user, 1 another active user, 2 a deactivated user. */
export const OWNERS = 3;
export const INACTIVE_OWNER = 2;

const NAMES = ['Alfa', 'Beta', 'Gamma', 'Delta', 'Żółw', 'Ørsted', 'Ωmega'] as const;

/** A command on records named by index (the runner maps indexes to ids). */
export type ModelCommand =
  | { readonly kind: 'createAccount'; readonly account: number; readonly name: string }
  | { readonly kind: 'updateAccount'; readonly account: number; readonly name: string }
  | { readonly kind: 'deactivateAccount'; readonly account: number }
  | { readonly kind: 'activateAccount'; readonly account: number }
  | { readonly kind: 'assignAccountOwner'; readonly account: number; readonly owner: number }
  | { readonly kind: 'createContact'; readonly contact: number; readonly account: number | null; readonly name: string }
  | { readonly kind: 'updateContact'; readonly contact: number; readonly name: string }
  | { readonly kind: 'deactivateContact'; readonly contact: number }
  | { readonly kind: 'activateContact'; readonly contact: number }
  | { readonly kind: 'assignContactOwner'; readonly contact: number; readonly owner: number }
  | { readonly kind: 'associate'; readonly account: number; readonly contacts: readonly number[] }
  | { readonly kind: 'disassociate'; readonly contact: number };

const account = fc.nat({ max: ACCOUNTS - 1 });
const contact = fc.nat({ max: CONTACTS - 1 });
const owner = fc.nat({ max: OWNERS - 1 });
const name = fc.constantFrom(...NAMES);

/** Random commands; creations weigh more so that sequences reach interesting states. */
export const modelCommand: fc.Arbitrary<ModelCommand> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('createAccount' as const), account, name }), weight: 3 },
  fc.record({ kind: fc.constant('updateAccount' as const), account, name }),
  fc.record({ kind: fc.constant('deactivateAccount' as const), account }),
  fc.record({ kind: fc.constant('activateAccount' as const), account }),
  fc.record({ kind: fc.constant('assignAccountOwner' as const), account, owner }),
  { arbitrary: fc.record({ kind: fc.constant('createContact' as const), contact, account: fc.option(account), name }), weight: 3 },
  fc.record({ kind: fc.constant('updateContact' as const), contact, name }),
  fc.record({ kind: fc.constant('deactivateContact' as const), contact }),
  fc.record({ kind: fc.constant('activateContact' as const), contact }),
  fc.record({ kind: fc.constant('assignContactOwner' as const), contact, owner }),
  {
    arbitrary: fc.record({
      kind: fc.constant('associate' as const),
      account,
      contacts: fc.uniqueArray(contact, { minLength: 1, maxLength: 3 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('disassociate' as const), contact }), weight: 2 },
);

/** What a record looks like, in the terms every layer shares. */
export interface RecordView {
  readonly status: 'active' | 'inactive';
  readonly owner: number;
  readonly name: string;
  /** A contact's account (index), null when it has none; undefined for accounts. */
  readonly account?: number | null;
}

/**
 * The reference model: what each command must do, written from the rules (DESIGN.md section 2) rather than
 * from the deciders. `apply` returns the outcome the CRM must give ('OK' or the error code) and updates the model.
 */
export class CrmModel {
  readonly accounts = new Map<number, RecordView>();
  readonly contacts = new Map<number, RecordView>();

  apply(command: ModelCommand): string {
    const outcome = this.expect(command);
    if (outcome === 'OK') this.change(command);
    return outcome;
  }

  private expect(command: ModelCommand): string {
    switch (command.kind) {
      case 'createAccount':
        return this.accounts.has(command.account) ? 'BAD_USER_INPUT' : 'OK';
      case 'updateAccount':
      case 'deactivateAccount':
        return refusal(this.accounts.get(command.account)) ?? 'OK';
      case 'activateAccount':
        return this.accounts.has(command.account) ? 'OK' : 'NOT_FOUND';
      case 'assignAccountOwner':
        return refusal(this.accounts.get(command.account)) ?? (command.owner === INACTIVE_OWNER ? 'RECORD_INACTIVE' : 'OK');
      case 'createContact':
        if (this.contacts.has(command.contact)) return 'BAD_USER_INPUT';
        return command.account === null ? 'OK' : (refusal(this.accounts.get(command.account)) ?? 'OK');
      case 'updateContact':
      case 'deactivateContact':
      case 'disassociate':
        return refusal(this.contacts.get(command.contact)) ?? 'OK';
      case 'activateContact':
        return this.contacts.has(command.contact) ? 'OK' : 'NOT_FOUND';
      case 'assignContactOwner':
        return refusal(this.contacts.get(command.contact)) ?? (command.owner === INACTIVE_OWNER ? 'RECORD_INACTIVE' : 'OK');
      case 'associate': {
        const accountRefusal = refusal(this.accounts.get(command.account));
        if (accountRefusal) return accountRefusal;
        for (const index of command.contacts) {
          const contactRefusal = refusal(this.contacts.get(index));
          if (contactRefusal) return contactRefusal;
        }
        // A contact of another account refuses the whole call: at most one account at a time.
        const taken = command.contacts.some((index) => {
          const linked = this.contacts.get(index)!.account;
          return linked !== null && linked !== command.account;
        });
        return taken ? 'CONTACT_ALREADY_ASSOCIATED' : 'OK';
      }
    }
  }

  private change(command: ModelCommand): void {
    const set = (map: Map<number, RecordView>, index: number, change: Partial<RecordView>) =>
      map.set(index, { ...map.get(index)!, ...change });
    switch (command.kind) {
      case 'createAccount':
        return void this.accounts.set(command.account, { status: 'active', owner: 0, name: command.name });
      case 'updateAccount':
        return void set(this.accounts, command.account, { name: command.name });
      case 'deactivateAccount':
        return void set(this.accounts, command.account, { status: 'inactive' });
      case 'activateAccount':
        return void set(this.accounts, command.account, { status: 'active' });
      case 'assignAccountOwner':
        return void set(this.accounts, command.account, { owner: command.owner });
      case 'createContact':
        return void this.contacts.set(command.contact, { status: 'active', owner: 0, name: command.name, account: command.account });
      case 'updateContact':
        return void set(this.contacts, command.contact, { name: command.name });
      case 'deactivateContact':
        return void set(this.contacts, command.contact, { status: 'inactive' });
      case 'activateContact':
        return void set(this.contacts, command.contact, { status: 'active' });
      case 'assignContactOwner':
        return void set(this.contacts, command.contact, { owner: command.owner });
      case 'associate':
        for (const index of command.contacts) set(this.contacts, index, { account: command.account });
        return;
      case 'disassociate':
        return void set(this.contacts, command.contact, { account: null });
    }
  }
}

function refusal(record: RecordView | undefined): string | null {
  if (!record) return 'NOT_FOUND';
  return record.status === 'inactive' ? 'RECORD_INACTIVE' : null;
}

/** How the runners name records: index ↔ id, and owner index ↔ user id. */
export interface Ids {
  readonly owners: readonly string[];
  accountIndex(id: string): number;
}

export function accountView(events: readonly AccountEvent[], ids: Ids): RecordView | undefined {
  const state: AccountState = fold(accountDecider, events);
  if (!state.exists) return undefined;
  return { status: state.status, owner: ids.owners.indexOf(state.ownerId), name: state.profile.name };
}

export function contactView(events: readonly ContactEvent[], ids: Ids): RecordView | undefined {
  const state: ContactState = fold(contactDecider, events);
  if (!state.exists) return undefined;
  return {
    status: state.status,
    owner: ids.owners.indexOf(state.ownerId),
    name: state.profile.lastName,
    account: state.accountId === null ? null : ids.accountIndex(state.accountId),
  };
}

/**
 * The rules every stream's history must keep, whatever the commands were; returns the broken ones.
 * - a contact is linked only when it belongs to no account (never to two at once);
 * - an inactive record changes only by being activated;
 * - the record is created by its first event and never again;
 * - versions run 1, 2, 3 … without a gap (when the events carry them).
 */
export function historyViolations(streamId: string, events: readonly { type: string; streamVersion?: number }[]): string[] {
  const violations: string[] = [];
  let linked = false;
  let inactive = false;
  events.forEach((event, index) => {
    const where = `${streamId} v${index + 1} ${event.type}`;
    if (event.streamVersion !== undefined && event.streamVersion !== index + 1) violations.push(`${where}: version ${event.streamVersion}`);
    if ((index === 0) !== event.type.endsWith('Created')) violations.push(`${where}: creation must be the first event and only it`);
    if (inactive && !event.type.endsWith('Activated')) violations.push(`${where}: changed while inactive`);
    if (event.type.endsWith('Deactivated')) inactive = true;
    if (event.type.endsWith('Activated') && !event.type.endsWith('Deactivated')) inactive = false;
    if (event.type === 'ContactAssociatedWithAccount') {
      if (linked) violations.push(`${where}: linked while already linked to an account`);
      linked = true;
    }
    if (event.type === 'ContactDisassociatedFromAccount') linked = false;
  });
  return violations;
}
