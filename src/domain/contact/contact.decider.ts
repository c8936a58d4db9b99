import type { ContactEvent, ContactProfile } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import { requireActive as requireActiveAccount } from '../account/account.decider';
import type { Decider } from '../decider';
import { requireActiveOwner } from '../user/require-owner';
import { ContactAlreadyAssociatedError, NotFoundError, RecordInactiveError, ValidationError } from '../errors';
import { InputCheck, LIMITS, sameValue } from '../validation';
import type { ContactCommand, ContactFieldsInput } from './contact.commands';
import { contactFullName, evolveContact, initialContactState, type ContactState } from './contact.state';

export const contactDecider: Decider<ContactCommand, ContactState, ContactEvent> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide(command, state) {
    switch (command.type) {
      case 'CreateContact': {
        if (state.exists) throw ValidationError.of('id', `Contact ${command.contactId} already exists`);
        requireActiveOwner(command.owner, command.ownerId);
        const profile = checkProfile(command.input, null) as ContactProfile;
        const created: ContactEvent = {
          type: 'ContactCreated',
          schemaVersion: 1,
          data: { contactId: command.contactId, ownerId: command.ownerId, ...profile },
        };
        if (!command.account) return [created];
        requireActiveAccount(command.account.state, command.account.id, 'accountId');
        return [created, associated(command.contactId, command.account.id)];
      }
      case 'UpdateContact': {
        const contact = requireActive(state, command.contactId);
        const changes = checkProfile(command.input, contact.profile);
        if (Object.keys(changes).length === 0) return [];
        return [{ type: 'ContactUpdated', schemaVersion: 1, data: { contactId: command.contactId, ...changes } }];
      }
      case 'DeactivateContact':
        requireActive(state, command.contactId);
        return [{ type: 'ContactDeactivated', schemaVersion: 1, data: { contactId: command.contactId } }];
      case 'ActivateContact': {
        const contact = requireExisting(state, command.contactId);
        if (contact.status === 'active') return [];
        return [{ type: 'ContactActivated', schemaVersion: 1, data: { contactId: command.contactId } }];
      }
      case 'AssignContactOwner': {
        const contact = requireActive(state, command.contactId);
        requireActiveOwner(command.owner, command.ownerId);
        if (contact.ownerId === command.ownerId) return [];
        return [
          {
            type: 'ContactOwnerAssigned',
            schemaVersion: 1,
            data: { contactId: command.contactId, ownerId: command.ownerId, previousOwnerId: contact.ownerId },
          },
        ];
      }
      case 'AssociateContactWithAccount': {
        const contact = requireActive(state, command.contactId);
        const account = requireActiveAccount(command.account.state, command.account.id, 'accountId');
        if (contact.accountId === account.id) return [];
        if (contact.accountId !== null) {
          const other = command.currentAccount;
          throw new ContactAlreadyAssociatedError([
            {
              contactId: contact.id,
              contactName: contactFullName(contact.profile),
              accountId: contact.accountId,
              accountName: other?.exists ? other.profile.name : contact.accountId,
            },
          ]);
        }
        return [associated(contact.id, account.id)];
      }
      case 'DisassociateContactFromAccount': {
        const contact = requireActive(state, command.contactId);
        if (contact.accountId === null) return [];
        return [
          { type: 'ContactDisassociatedFromAccount', schemaVersion: 1, data: { contactId: contact.id, accountId: contact.accountId } },
        ];
      }
      case 'EraseContactPersonalData': {
        // Who may ask is a privilege (erasePersonalData), checked by the command layer before deciding.
        // Erasure is allowed on an inactive contact too: a person's rights do not depend on the record's state.
        const contact = requireExisting(state, command.contactId);
        const check = new InputCheck();
        const reason = check.required('reason', command.reason, { max: 500, multiline: true });
        check.done();
        if (contact.personalDataErased) return [];
        return [{ type: 'ContactPersonalDataErased', schemaVersion: 1, data: { contactId: contact.id, reason } }];
      }
      default:
        return assertNever(command);
    }
  },
};

type ExistingContact = Extract<ContactState, { exists: true }>;

export function requireExisting(state: ContactState, id: string, field?: string): ExistingContact {
  if (!state.exists) throw new NotFoundError('contact', id, field);
  return state;
}

/** Inactive contacts are read-only: every change but activation is refused. */
export function requireActive(state: ContactState, id: string, field?: string): ExistingContact {
  const contact = requireExisting(state, id, field);
  if (contact.status !== 'active') throw new RecordInactiveError('contact', id, undefined, field);
  return contact;
}

function associated(contactId: string, accountId: string): ContactEvent {
  return { type: 'ContactAssociatedWithAccount', schemaVersion: 1, data: { contactId, accountId } };
}

function checkProfile(input: ContactFieldsInput, current: ContactProfile | null): Partial<ContactProfile> {
  const check = new InputCheck();
  const name = { max: LIMITS.personName };
  const proposed: { [K in keyof ContactProfile]: ContactProfile[K] | undefined } = {
    firstName: current === null || input.firstName !== undefined ? check.required('firstName', input.firstName, name) : undefined,
    lastName: current === null || input.lastName !== undefined ? check.required('lastName', input.lastName, name) : undefined,
    jobTitle: check.text('jobTitle', input.jobTitle, { max: LIMITS.jobTitle }),
    email: check.email('email', input.email),
    phone: check.phone('phone', input.phone),
    mobilePhone: check.phone('mobilePhone', input.mobilePhone),
    description: check.text('description', input.description, { max: LIMITS.description, multiline: true }),
    address: check.address('address', input.address, current?.address ?? null),
  };
  check.done();
  const result: Partial<Record<keyof ContactProfile, unknown>> = {};
  for (const key of Object.keys(proposed) as (keyof ContactProfile)[]) {
    const value = proposed[key];
    if (current === null) result[key] = value ?? null;
    else if (value !== undefined && !sameValue(value, current[key])) result[key] = value;
  }
  return result as Partial<ContactProfile>;
}
