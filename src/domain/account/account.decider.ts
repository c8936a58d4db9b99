import type { AccountEvent, AccountProfile } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { requireActiveOwner } from '../user/require-owner';
import { NotFoundError, RecordInactiveError, ValidationError } from '../errors';
import { InputCheck, LIMITS, sameValue } from '../validation';
import type { AccountCommand, AccountFieldsInput, AccountReferences } from './account.commands';
import { evolveAccount, initialAccountState, type AccountState } from './account.state';

export const accountDecider: Decider<AccountCommand, AccountState, AccountEvent> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide(command, state) {
    switch (command.type) {
      case 'CreateAccount': {
        if (state.exists) throw ValidationError.of('id', `Account ${command.accountId} already exists`);
        requireActiveOwner(command.owner, command.ownerId);
        const profile = checkProfile(command.accountId, command.input, null, command.references) as AccountProfile;
        return [{ type: 'AccountCreated', schemaVersion: 1, data: { accountId: command.accountId, ownerId: command.ownerId, ...profile } }];
      }
      case 'UpdateAccount': {
        const account = requireActive(state, command.accountId);
        const changes = checkProfile(command.accountId, command.input, account.profile, command.references);
        if (Object.keys(changes).length === 0) return [];
        return [{ type: 'AccountUpdated', schemaVersion: 1, data: { accountId: command.accountId, ...changes } }];
      }
      case 'DeactivateAccount':
        requireActive(state, command.accountId);
        return [{ type: 'AccountDeactivated', schemaVersion: 1, data: { accountId: command.accountId } }];
      case 'ActivateAccount': {
        const account = requireExisting(state, command.accountId);
        if (account.status === 'active') return [];
        return [{ type: 'AccountActivated', schemaVersion: 1, data: { accountId: command.accountId } }];
      }
      case 'AssignAccountOwner': {
        const account = requireActive(state, command.accountId);
        requireActiveOwner(command.owner, command.ownerId);
        if (account.ownerId === command.ownerId) return [];
        return [
          {
            type: 'AccountOwnerAssigned',
            schemaVersion: 1,
            data: { accountId: command.accountId, ownerId: command.ownerId, previousOwnerId: account.ownerId },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },
};

type ExistingAccount = Extract<AccountState, { exists: true }>;

export function requireExisting(state: AccountState, id: string, field?: string): ExistingAccount {
  if (!state.exists) throw new NotFoundError('account', id, field);
  return state;
}

/** Inactive accounts are read-only: every change but activation is refused. */
export function requireActive(state: AccountState, id: string, field?: string): ExistingAccount {
  const account = requireExisting(state, id, field);
  if (account.status !== 'active') throw new RecordInactiveError('account', id, undefined, field);
  return account;
}

/**
 * Validates the fields a client sent. On create (`current` null) every field is returned, absent ones as null;
 * on update only the fields that really change.
 */
function checkProfile(
  accountId: string,
  input: AccountFieldsInput,
  current: AccountProfile | null,
  references: AccountReferences,
): Partial<AccountProfile> {
  const check = new InputCheck();
  const name = current === null || input.name !== undefined ? check.required('name', input.name, { max: LIMITS.accountName }) : undefined;
  const proposed: { [K in keyof AccountProfile]: AccountProfile[K] | undefined } = {
    name,
    accountNumber: check.text('accountNumber', input.accountNumber, { max: LIMITS.accountNumber }),
    phone: check.phone('phone', input.phone),
    email: check.email('email', input.email),
    website: check.website('website', input.website),
    industry: check.text('industry', input.industry, { max: LIMITS.industry }),
    annualRevenue: check.amount('annualRevenue', input.annualRevenue),
    numberOfEmployees: check.integer('numberOfEmployees', input.numberOfEmployees, 0, 10_000_000),
    description: check.text('description', input.description, { max: LIMITS.description, multiline: true }),
    address: check.address('address', input.address, current?.address ?? null),
    parentAccountId: checkParent(check, accountId, input.parentAccountId, current?.parentAccountId ?? null, references),
    primaryContactId: checkPrimaryContact(check, input.primaryContactId, current?.primaryContactId ?? null, references),
  };
  check.done();
  const result: Partial<Record<keyof AccountProfile, unknown>> = {};
  for (const key of Object.keys(proposed) as (keyof AccountProfile)[]) {
    const value = proposed[key];
    if (current === null) result[key] = value ?? null;
    else if (value !== undefined && !sameValue(value, current[key])) result[key] = value;
  }
  return result as Partial<AccountProfile>;
}

function checkParent(
  check: InputCheck,
  accountId: string,
  parentId: string | null | undefined,
  currentParentId: string | null,
  references: AccountReferences,
): string | null | undefined {
  if (parentId === undefined || parentId === null || parentId === currentParentId) return parentId;
  const [parent, ...ancestors] = references.parentChain ?? [];
  if (parentId === accountId) {
    check.fail('parentAccountId', 'an account cannot be its own parent');
    return undefined;
  }
  if (!parent?.exists) throw new NotFoundError('account', parentId, 'parentAccountId');
  if (parent.status !== 'active') {
    throw new RecordInactiveError('account', parentId, `The parent account ${parentId} is inactive`, 'parentAccountId');
  }
  if (ancestors.some((ancestor) => ancestor.exists && ancestor.id === accountId)) {
    check.fail('parentAccountId', `account ${parentId} is already below this account: the hierarchy cannot loop`);
    return undefined;
  }
  return parentId;
}

function checkPrimaryContact(
  _check: InputCheck,
  contactId: string | null | undefined,
  currentContactId: string | null,
  references: AccountReferences,
): string | null | undefined {
  if (contactId === undefined || contactId === null || contactId === currentContactId) return contactId;
  const contact = references.primaryContact;
  if (!contact?.exists) throw new NotFoundError('contact', contactId, 'primaryContactId');
  if (contact.status !== 'active') {
    throw new RecordInactiveError('contact', contactId, `The contact ${contactId} is inactive`, 'primaryContactId');
  }
  return contactId;
}
