/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** How an accounts list is ordered (names accent- and case-insensitively). */
export type AccountOrder =
  | 'CREATED_DESC'
  | 'MODIFIED_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC';

/** Which accounts a list shows. */
export type AccountView =
  /** Active records */
  | 'ACTIVE'
  /** Active and deactivated records */
  | 'ALL'
  /** Deactivated records */
  | 'INACTIVE'
  /** Active records the viewer owns */
  | 'MY_ACTIVE';

/** An address. On update, a part left out keeps its value and a part set to null is cleared. */
export type AddressInput = {
  city?: string | null | undefined;
  country?: string | null | undefined;
  latitude?: number | null | undefined;
  line1?: string | null | undefined;
  line2?: string | null | undefined;
  line3?: string | null | undefined;
  longitude?: number | null | undefined;
  postalCode?: string | null | undefined;
  stateOrProvince?: string | null | undefined;
};

/** Makes a user the owner of a record. */
export type AssignOwnerInput = {
  id: string | number;
  idempotencyKey?: string | null | undefined;
  ownerId: string | number;
  recordType: RecordType;
};

/** Links existing contacts to an account, all or nothing. */
export type AssociateContactsInput = {
  accountId: string | number;
  /** Contacts that belong to no account yet (or already to this one). */
  contactIds: Array<string | number>;
  idempotencyKey?: string | null | undefined;
};

/** Which events the audit log lists; every part optional. */
export type AuditLogFilter = {
  /** Only what this user did. */
  actorId?: string | number | null | undefined;
  /** From this instant (inclusive). */
  from?: string | null | undefined;
  recordId?: string | number | null | undefined;
  recordType?: RecordType | null | undefined;
  /** Until this instant (inclusive). */
  to?: string | null | undefined;
};

/** Replaces a user's roles (administrators only); recorded in the audit trail. */
export type ChangeUserRolesInput = {
  idempotencyKey?: string | null | undefined;
  roles: Array<Role>;
  userId: string | number;
};

/** How a contacts list is ordered (last name, then first name). */
export type ContactOrder =
  | 'CREATED_DESC'
  | 'LAST_NAME_ASC'
  | 'LAST_NAME_DESC'
  | 'MODIFIED_DESC';

/** Which contacts a list shows. */
export type ContactView =
  /** Active records */
  | 'ACTIVE'
  /** Active and deactivated records */
  | 'ALL'
  /** Deactivated records */
  | 'INACTIVE'
  /** Active records the viewer owns */
  | 'MY_ACTIVE';

/** A new account: only the name is required. */
export type CreateAccountInput = {
  accountNumber?: string | null | undefined;
  address?: AddressInput | null | undefined;
  /** Non-negative, at most two decimals. */
  annualRevenue?: string | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  industry?: string | null | undefined;
  /** Trimmed; 1 to 160 characters. */
  name: string;
  numberOfEmployees?: number | null | undefined;
  /** The owner; the caller when left out. */
  ownerId?: string | number | null | undefined;
  parentAccountId?: string | number | null | undefined;
  phone?: string | null | undefined;
  primaryContactId?: string | number | null | undefined;
  website?: string | null | undefined;
};

/** A new contact: first and last name are required. */
export type CreateContactInput = {
  /** An active account the contact starts in. */
  accountId?: string | number | null | undefined;
  address?: AddressInput | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  firstName: string;
  idempotencyKey?: string | null | undefined;
  jobTitle?: string | null | undefined;
  lastName: string;
  mobilePhone?: string | null | undefined;
  /** The owner; the caller when left out. */
  ownerId?: string | number | null | undefined;
  phone?: string | null | undefined;
};

/** Unlinks a contact from its account. */
export type DisassociateContactInput = {
  contactId: string | number;
  idempotencyKey?: string | null | undefined;
};

/** Erases a person's data at their request (right to be forgotten); administrators only. */
export type EraseContactPersonalDataInput = {
  contactId: string | number;
  idempotencyKey?: string | null | undefined;
  /** Why (the request it answers); kept in the audit trail. */
  reason: string;
};

/** The settings to change; a setting left out (or null) keeps its value. */
export type OrganizationSettingsInput = {
  /** Turns address suggestions on (true) or off (false). */
  addressSuggestionsEnabled?: boolean | null | undefined;
};

/** Whether a record is in use or deactivated (read-only, hidden from most views). */
export type RecordState =
  | 'ACTIVE'
  | 'INACTIVE';

/** The kinds of records the CRM keeps. */
export type RecordType =
  | 'ACCOUNT'
  | 'ACTIVITY'
  | 'CONTACT'
  | 'IMPORT_JOB'
  | 'INVOICE'
  | 'OPPORTUNITY'
  | 'ORGANIZATION'
  | 'QUOTE'
  | 'USER';

/** A new user of the CRM (administrators only). */
export type RegisterUserInput = {
  /** Unique, case-insensitively. */
  email: string;
  idempotencyKey?: string | null | undefined;
  name: string;
  /** At least one; privileges add up across roles. */
  roles: Array<Role>;
};

/** A security role; a user may hold several and their privileges add up. */
export type Role =
  | 'ADMINISTRATOR'
  | 'AUDITOR'
  | 'SALESPERSON'
  | 'SALES_MANAGER';

/** Deactivates or activates a record. */
export type SetStateInput = {
  expectedVersion?: number | null | undefined;
  id: string | number;
  idempotencyKey?: string | null | undefined;
};

/** Deactivates or activates a user (administrators only). */
export type SetUserStateInput = {
  idempotencyKey?: string | null | undefined;
  userId: string | number;
};

/** Fields left out stay as they are; a field set to null is cleared (name cannot be cleared). */
export type UpdateAccountInput = {
  accountNumber?: string | null | undefined;
  address?: AddressInput | null | undefined;
  annualRevenue?: string | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  /** Refuse with CONFLICT unless the account is still at this version. */
  expectedVersion?: number | null | undefined;
  id: string | number;
  idempotencyKey?: string | null | undefined;
  industry?: string | null | undefined;
  name?: string | null | undefined;
  numberOfEmployees?: number | null | undefined;
  parentAccountId?: string | number | null | undefined;
  phone?: string | null | undefined;
  primaryContactId?: string | number | null | undefined;
  website?: string | null | undefined;
};

/** Fields left out stay as they are; a field set to null is cleared (names cannot be cleared). */
export type UpdateContactInput = {
  address?: AddressInput | null | undefined;
  description?: string | null | undefined;
  email?: string | null | undefined;
  expectedVersion?: number | null | undefined;
  firstName?: string | null | undefined;
  id: string | number;
  idempotencyKey?: string | null | undefined;
  jobTitle?: string | null | undefined;
  lastName?: string | null | undefined;
  mobilePhone?: string | null | undefined;
  phone?: string | null | undefined;
};

export type AccountFieldsFragment = { id: string, name: string, accountNumber: string | null, phone: string | null, email: string | null, website: string | null, industry: string | null, annualRevenue: string | null, numberOfEmployees: number | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { line1: string | null, line2: string | null, line3: string | null, city: string | null, stateOrProvince: string | null, postalCode: string | null, country: string | null, latitude: number | null, longitude: number | null, composite: string | null } | null, owner: { id: string, name: string }, parentAccount: { id: string, name: string } | null, primaryContact: { id: string, fullName: string } | null };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { position: string, account: { id: string, name: string, accountNumber: string | null, phone: string | null, email: string | null, website: string | null, industry: string | null, annualRevenue: string | null, numberOfEmployees: number | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { line1: string | null, line2: string | null, line3: string | null, city: string | null, stateOrProvince: string | null, postalCode: string | null, country: string | null, latitude: number | null, longitude: number | null, composite: string | null } | null, owner: { id: string, name: string }, parentAccount: { id: string, name: string } | null, primaryContact: { id: string, fullName: string } | null } } };

export type UpdateAccountMutationVariables = Exact<{
  input: UpdateAccountInput;
}>;


export type UpdateAccountMutation = { updateAccount: { position: string, account: { id: string, name: string, accountNumber: string | null, phone: string | null, email: string | null, website: string | null, industry: string | null, annualRevenue: string | null, numberOfEmployees: number | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { line1: string | null, line2: string | null, line3: string | null, city: string | null, stateOrProvince: string | null, postalCode: string | null, country: string | null, latitude: number | null, longitude: number | null, composite: string | null } | null, owner: { id: string, name: string }, parentAccount: { id: string, name: string } | null, primaryContact: { id: string, fullName: string } | null } } };

export type DeactivateAccountMutationVariables = Exact<{
  input: SetStateInput;
}>;


export type DeactivateAccountMutation = { deactivateAccount: { position: string, account: { id: string, state: RecordState, version: number } } };

export type ActivateAccountMutationVariables = Exact<{
  input: SetStateInput;
}>;


export type ActivateAccountMutation = { activateAccount: { position: string, account: { id: string, state: RecordState, version: number } } };

export type AssociateContactsMutationVariables = Exact<{
  input: AssociateContactsInput;
}>;


export type AssociateContactsMutation = { associateContacts: { position: string, account: { id: string, name: string, contacts: { totalCount: number, edges: Array<{ node: { id: string, fullName: string } }> } }, contacts: Array<{ id: string, account: { id: string } | null }> } };

export type AssignOwnerMutationVariables = Exact<{
  input: AssignOwnerInput;
}>;


export type AssignOwnerMutation = { assignOwner: { position: string, record:
      | { __typename: 'Account', id: string, owner: { id: string } }
      | { __typename: 'Contact', id: string, owner: { id: string } }
      | { __typename: 'User', id: string }
     } };

export type AccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountQuery = { account: { id: string, name: string, accountNumber: string | null, phone: string | null, email: string | null, website: string | null, industry: string | null, annualRevenue: string | null, numberOfEmployees: number | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, contacts: { totalCount: number, edges: Array<{ node: { id: string, fullName: string, state: RecordState } }> }, address: { line1: string | null, line2: string | null, line3: string | null, city: string | null, stateOrProvince: string | null, postalCode: string | null, country: string | null, latitude: number | null, longitude: number | null, composite: string | null } | null, owner: { id: string, name: string }, parentAccount: { id: string, name: string } | null, primaryContact: { id: string, fullName: string } | null } | null };

export type AccountsQueryVariables = Exact<{
  view?: AccountView | null | undefined;
  search?: string | null | undefined;
  ownerId?: string | number | null | undefined;
  orderBy?: AccountOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, state: RecordState } }> } };

export type AccountsWithContactsQueryVariables = Exact<{
  first?: number | null | undefined;
  contactsFirst?: number | null | undefined;
}>;


export type AccountsWithContactsQuery = { accounts: { totalCount: number, edges: Array<{ node: { id: string, name: string, owner: { id: string, name: string }, primaryContact: { id: string } | null, parentAccount: { id: string } | null, contacts: { totalCount: number, pageInfo: { hasNextPage: boolean }, edges: Array<{ node: { id: string, fullName: string, owner: { id: string }, account: { id: string } | null } }> } } }> } };

export type AddressSuggestionsQueryVariables = Exact<{
  query: string;
  country?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type AddressSuggestionsQuery = { addressSuggestions: Array<{ label: string, address: { line1: string | null, line2: string | null, line3: string | null, city: string | null, stateOrProvince: string | null, postalCode: string | null, country: string | null, latitude: number | null, longitude: number | null } }> };

export type OrganizationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationSettingsQuery = { organizationSettings: { addressSuggestionsEnabled: boolean } };

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: OrganizationSettingsInput;
}>;


export type UpdateOrganizationSettingsMutation = { updateOrganizationSettings: { addressSuggestionsEnabled: boolean } };

export type ContactFieldsFragment = { id: string, firstName: string, lastName: string, fullName: string, jobTitle: string | null, email: string | null, phone: string | null, mobilePhone: string | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { city: string | null, country: string | null, composite: string | null } | null, owner: { id: string }, account: { id: string, name: string } | null };

export type CreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type CreateContactMutation = { createContact: { position: string, contact: { id: string, firstName: string, lastName: string, fullName: string, jobTitle: string | null, email: string | null, phone: string | null, mobilePhone: string | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { city: string | null, country: string | null, composite: string | null } | null, owner: { id: string }, account: { id: string, name: string } | null } } };

export type UpdateContactMutationVariables = Exact<{
  input: UpdateContactInput;
}>;


export type UpdateContactMutation = { updateContact: { position: string, contact: { id: string, firstName: string, lastName: string, fullName: string, jobTitle: string | null, email: string | null, phone: string | null, mobilePhone: string | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { city: string | null, country: string | null, composite: string | null } | null, owner: { id: string }, account: { id: string, name: string } | null } } };

export type DeactivateContactMutationVariables = Exact<{
  input: SetStateInput;
}>;


export type DeactivateContactMutation = { deactivateContact: { position: string, contact: { id: string, state: RecordState } } };

export type ActivateContactMutationVariables = Exact<{
  input: SetStateInput;
}>;


export type ActivateContactMutation = { activateContact: { position: string, contact: { id: string, state: RecordState } } };

export type DisassociateContactMutationVariables = Exact<{
  input: DisassociateContactInput;
}>;


export type DisassociateContactMutation = { disassociateContact: { position: string, contact: { id: string, account: { id: string } | null } } };

export type ContactQueryVariables = Exact<{
  id: string | number;
}>;


export type ContactQuery = { contact: { id: string, firstName: string, lastName: string, fullName: string, jobTitle: string | null, email: string | null, phone: string | null, mobilePhone: string | null, description: string | null, state: RecordState, version: number, createdAt: string, modifiedAt: string, address: { city: string | null, country: string | null, composite: string | null } | null, owner: { id: string }, account: { id: string, name: string } | null } | null };

export type ContactsQueryVariables = Exact<{
  view?: ContactView | null | undefined;
  search?: string | null | undefined;
  accountId?: string | number | null | undefined;
  ownerId?: string | number | null | undefined;
  orderBy?: ContactOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactsQuery = { contacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, fullName: string, state: RecordState, account: { id: string } | null } }> } };

export type HistoryFieldsFragment = { position: string, recordType: RecordType, recordId: string, version: number, eventType: string, occurredAt: string, commandId: string | null, source: string, data: unknown, erasedFields: Array<string>, actor: { id: string, name: string } | null, changes: Array<{ field: string, from: unknown, to: unknown, erased: boolean }> };

export type AccountHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountHistoryQuery = { account: { id: string, history: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { position: string, recordType: RecordType, recordId: string, version: number, eventType: string, occurredAt: string, commandId: string | null, source: string, data: unknown, erasedFields: Array<string>, actor: { id: string, name: string } | null, changes: Array<{ field: string, from: unknown, to: unknown, erased: boolean }> } }> } } | null };

export type ContactHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactHistoryQuery = { contact: { id: string, history: { totalCount: number, edges: Array<{ node: { position: string, recordType: RecordType, recordId: string, version: number, eventType: string, occurredAt: string, commandId: string | null, source: string, data: unknown, erasedFields: Array<string>, actor: { id: string, name: string } | null, changes: Array<{ field: string, from: unknown, to: unknown, erased: boolean }> } }> } } | null };

export type AccountAsOfQueryVariables = Exact<{
  id: string | number;
  asOf: string;
  view?: ContactView | null | undefined;
}>;


export type AccountAsOfQuery = { account: { id: string, name: string, state: RecordState, version: number, createdAt: string, modifiedAt: string, owner: { id: string }, contacts: { totalCount: number, edges: Array<{ node: { id: string, fullName: string, email: string | null, state: RecordState, account: { id: string, name: string } | null } }> } } | null };

export type ContactAsOfQueryVariables = Exact<{
  id: string | number;
  asOf: string;
}>;


export type ContactAsOfQuery = { contact: { id: string, firstName: string, lastName: string, email: string | null, phone: string | null, state: RecordState, version: number, personalDataErasedAt: string | null, account: { id: string, name: string } | null } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { position: string, recordType: RecordType, recordId: string, version: number, eventType: string, occurredAt: string, commandId: string | null, source: string, data: unknown, erasedFields: Array<string>, actor: { id: string, name: string } | null, changes: Array<{ field: string, from: unknown, to: unknown, erased: boolean }> } }> } };

export type VerifyAuditTrailQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditTrailQuery = { verifyAuditTrail: { ok: boolean, eventsChecked: number, firstBrokenPosition: string | null } };

export type EraseContactPersonalDataMutationVariables = Exact<{
  input: EraseContactPersonalDataInput;
}>;


export type EraseContactPersonalDataMutation = { eraseContactPersonalData: { position: string, contact: { id: string, firstName: string, lastName: string, fullName: string, email: string | null, phone: string | null, personalDataErasedAt: string | null, state: RecordState, account: { id: string } | null } } };

export type ExportContactPersonalDataQueryVariables = Exact<{
  contactId: string | number;
}>;


export type ExportContactPersonalDataQuery = { exportContactPersonalData: unknown };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, roles: Array<Role> } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Account', name: string, id: string }
    | { __typename: 'Contact', fullName: string, id: string }
    | { __typename: 'User', email: string | null, id: string }
   | null };

export type RegisterUserMutationVariables = Exact<{
  input: RegisterUserInput;
}>;


export type RegisterUserMutation = { registerUser: { position: string, user: { id: string, email: string | null, roles: Array<Role>, state: RecordState } } };

export type ChangeUserRolesMutationVariables = Exact<{
  input: ChangeUserRolesInput;
}>;


export type ChangeUserRolesMutation = { changeUserRoles: { user: { id: string, roles: Array<Role> } } };

export type DeactivateUserMutationVariables = Exact<{
  input: SetUserStateInput;
}>;


export type DeactivateUserMutation = { deactivateUser: { user: { id: string, state: RecordState } } };

export type ActivateUserMutationVariables = Exact<{
  input: SetUserStateInput;
}>;


export type ActivateUserMutation = { activateUser: { user: { id: string, state: RecordState } } };

export type UsersQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, name: string, email: string | null, roles: Array<Role>, state: RecordState } }> } };
