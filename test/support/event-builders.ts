import type { AccountEvent, AccountProfile, ContactEvent, ContactProfile } from '../../events';
import type { AccountState } from '../../src/domain/account/account.state';
import type { ContactState } from '../../src/domain/contact/contact.state';
import type { UserState } from '../../src/domain/user/user.state';

export const OWNER = '01900000-0000-7000-8000-000000000001';
export const OTHER_USER = '01900000-0000-7000-8000-000000000002';
export const ACCOUNT = '01900000-0000-7000-8000-00000000000a';
export const OTHER_ACCOUNT = '01900000-0000-7000-8000-00000000000b';
export const CONTACT = '01900000-0000-7000-8000-00000000000c';
export const OTHER_CONTACT = '01900000-0000-7000-8000-00000000000d';

export const emptyAccountProfile: AccountProfile = {
  name: 'Contoso',
  accountNumber: null,
  phone: null,
  email: null,
  website: null,
  industry: null,
  annualRevenue: null,
  numberOfEmployees: null,
  description: null,
  address: null,
  parentAccountId: null,
  primaryContactId: null,
};

export const emptyContactProfile: ContactProfile = {
  firstName: 'Jan',
  lastName: 'Kowalski',
  jobTitle: null,
  email: null,
  phone: null,
  mobilePhone: null,
  description: null,
  address: null,
};

export function accountCreated(overrides: Partial<AccountProfile> = {}, accountId = ACCOUNT): AccountEvent {
  return { type: 'AccountCreated', schemaVersion: 1, data: { accountId, ownerId: OWNER, ...emptyAccountProfile, ...overrides } };
}

export function contactCreated(overrides: Partial<ContactProfile> = {}, contactId = CONTACT): ContactEvent {
  return { type: 'ContactCreated', schemaVersion: 1, data: { contactId, ownerId: OWNER, ...emptyContactProfile, ...overrides } };
}

export const existingUser: UserState = {
  exists: true,
  id: OWNER,
  email: 'owner@example.com',
  name: 'Owner',
  roles: ['SALESPERSON'],
  active: true,
};
export const otherUser: UserState = {
  exists: true,
  id: OTHER_USER,
  email: 'other@example.com',
  name: 'Other',
  roles: ['SALESPERSON'],
  active: true,
};

export function activeAccount(id = ACCOUNT, name = 'Contoso'): AccountState {
  return { exists: true, id, profile: { ...emptyAccountProfile, name }, ownerId: OWNER, status: 'active' };
}

export function inactiveAccount(id = ACCOUNT, name = 'Contoso'): AccountState {
  return { ...(activeAccount(id, name) as Extract<AccountState, { exists: true }>), status: 'inactive' };
}

export function contactState(overrides: Partial<Extract<ContactState, { exists: true }>> = {}): ContactState {
  return {
    exists: true,
    id: CONTACT,
    profile: emptyContactProfile,
    accountId: null,
    ownerId: OWNER,
    status: 'active',
    personalDataErased: false,
    ...overrides,
  };
}
