/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** How an accounts list is ordered (names accent- and case-insensitively). */
export type AccountOrder =
  | 'CREATED_DESC'
  | 'HEALTH_SCORE_DESC'
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

/** The kinds of interaction an activity records. */
export type ActivityType =
  /** A meeting */
  | 'APPOINTMENT'
  /** An e-mail */
  | 'EMAIL'
  /** A phone call */
  | 'PHONE_CALL'
  /** A piece of work to do */
  | 'TASK';

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

/** Closes an open opportunity as won or lost. */
export type CloseOpportunityInput = {
  /** The opportunity (must be OPEN). */
  id: string | number;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  /** WON or LOST. */
  status: OpportunityStatus;
};

/** Maps one column of the file to a field (or ignores it). */
export type ColumnMappingInput = {
  /** The column’s header, as in the file. */
  column: string;
  /** The field it fills: `name`, `email`, `address.city`, … (contacts also `fullName`, `accountName`, `accountNumber`); null ignores the column. */
  field?: string | null | undefined;
};

/** How a contacts list is ordered (last name, then first name). */
export type ContactOrder =
  | 'CREATED_DESC'
  | 'HEALTH_SCORE_DESC'
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

/** A new invoice for an account and/or a contact, optionally from an opportunity or a quote (whose account and contact fill in what is left out). */
export type CreateInvoiceInput = {
  /** The account billed (must be active). */
  accountId?: string | number | null | undefined;
  /** The contact billed (must be active). */
  contactId?: string | number | null | undefined;
  /** When payment is due. */
  dueDate?: string | null | undefined;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  /** Trimmed; 1 to 300 characters. */
  name: string;
  /** The opportunity the invoice comes from. */
  opportunityId?: string | number | null | undefined;
  /** The quote the invoice comes from (then from its opportunity too). */
  quoteId?: string | number | null | undefined;
  /** Non-negative, at most two decimals. */
  totalAmount: string;
};

/** A new opportunity: a topic and a potential customer (an active account, an active contact, or both). */
export type CreateOpportunityInput = {
  /** The account the sale is for (must be active). */
  accountId?: string | number | null | undefined;
  /** The contact the sale is for (must be active). */
  contactId?: string | number | null | undefined;
  /** When the opportunity is expected to close. */
  estimatedCloseDate?: string | null | undefined;
  /** Non-negative, at most two decimals. */
  estimatedRevenue?: string | null | undefined;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  /** The owner; the caller when left out. */
  ownerId?: string | number | null | undefined;
  /** The chance of winning, 0 to 100. */
  probability?: number | null | undefined;
  /** Trimmed; 1 to 300 characters. */
  topic: string;
};

/** A new quote from an open opportunity; its account is the opportunity’s. */
export type CreateQuoteFromOpportunityInput = {
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  /** The opportunity’s topic when left out; at most 300 characters. */
  name?: string | null | undefined;
  /** An OPEN opportunity whose account and contact are active. */
  opportunityId: string | number;
  /** Non-negative, at most two decimals. */
  totalAmount: string;
};

/** Who started an interaction. */
export type Direction =
  /** They did */
  | 'INCOMING'
  /** We did */
  | 'OUTGOING';

/** Unlinks a contact from its account. */
export type DisassociateContactInput = {
  contactId: string | number;
  idempotencyKey?: string | null | undefined;
};

/** What a row that matches an existing record (or an earlier row of the file) does. Contacts match by e-mail, else by first and last name and account; accounts by account number, else by name (accent- and case-insensitive). */
export type DuplicateHandling =
  /** Create another record anyway */
  | 'CREATE'
  /** Leave the record as it is */
  | 'SKIP'
  /** Change the record with the row’s non-empty values */
  | 'UPDATE';

/** Erases a person's data at their request (right to be forgotten); administrators only. */
export type EraseContactPersonalDataInput = {
  contactId: string | number;
  idempotencyKey?: string | null | undefined;
  /** Why (the request it answers); kept in the audit trail. */
  reason: string;
};

/** The health score in words (thresholds configurable; see docs/analytics.md). */
export type HealthLevel =
  /** 40 to 59 */
  | 'FAIR'
  /** A score of 60 or more */
  | 'GOOD'
  /** Below 40 */
  | 'POOR';

/** What an import creates or updates. */
export type ImportEntity =
  | 'ACCOUNT'
  | 'CONTACT';

/** The format of an imported file; detected from its content when not given. */
export type ImportFormat =
  /** Comma-, semicolon-, tab- or bar-separated values (delimiter and encoding detected) */
  | 'CSV'
  /** Outlook’s "Export contacts" CSV (English or translated headers) */
  | 'OUTLOOK_CSV'
  /** vCard 2.1, 3.0 or 4.0, any number of cards */
  | 'VCARD'
  /** An Excel workbook (its first worksheet) */
  | 'XLSX'
  /** Record XML: each child of the root element is a record */
  | 'XML'
  /** Excel’s XML Spreadsheet 2003 */
  | 'XML_SPREADSHEET';

/** Where an import job is. */
export type ImportStatus =
  /** Every row was imported, skipped or rejected */
  | 'COMPLETED'
  /** Stopped: the file was refused, or the import was interrupted (see failureReason); it can be run again */
  | 'FAILED'
  /** Importing rows in batches */
  | 'IMPORTING'
  /** Reading the whole file through (encoding, columns, rows); nothing is imported yet */
  | 'PARSING'
  /** Waiting to run */
  | 'QUEUED';

/** Where an invoice stands; a new invoice is ACTIVE. */
export type InvoiceStatus =
  /** Issued and not yet paid */
  | 'ACTIVE'
  /** Canceled */
  | 'CANCELED'
  /** Paid in full */
  | 'PAID';

/** An interaction to record; the caller owns it. What it regards must be active. */
export type LogActivityInput = {
  /** Notes or the body; at most 2000 characters. */
  description?: string | null | undefined;
  /** Who started it. */
  direction?: Direction | null | undefined;
  /** How long it took, 0 to 10080 minutes (a week). */
  durationMinutes?: number | null | undefined;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: string | null | undefined;
  /** The e-mail this e-mail answers (e-mail threads). */
  inReplyToActivityId?: string | number | null | undefined;
  /** When it happened (or is scheduled to). */
  occurredAt: string;
  /** Who took part: users and contacts, at most 100. */
  participants?: Array<ParticipantInput> | null | undefined;
  /** An active account it regards. */
  regardingAccountId?: string | number | null | undefined;
  /** An active contact it regards. */
  regardingContactId?: string | number | null | undefined;
  /** An opportunity it regards (its account and contact must be active). */
  regardingOpportunityId?: string | number | null | undefined;
  /** Trimmed; 1 to 200 characters. */
  subject: string;
  /** E-mail, phone call, appointment or task. */
  type: ActivityType;
};

/** Where an opportunity stands: OPEN until closed as WON or LOST (a closed opportunity is read-only). */
export type OpportunityStatus =
  /** Closed as lost */
  | 'LOST'
  /** Still being worked on */
  | 'OPEN'
  /** Closed as won */
  | 'WON';

/** The settings to change; a setting left out (or null) keeps its value. */
export type OrganizationSettingsInput = {
  /** Turns address suggestions on (true) or off (false). */
  addressSuggestionsEnabled?: boolean | null | undefined;
};

/** One participant: a user or a contact (exactly one of the two). */
export type ParticipantInput = {
  /** A contact (an inactive one may take part too). */
  contactId?: string | number | null | undefined;
  /** A user of the CRM. */
  userId?: string | number | null | undefined;
};

/** Where a quote stands; a new quote is a DRAFT. */
export type QuoteStatus =
  /** Sent to the customer */
  | 'ACTIVE'
  /** Closed without being won */
  | 'CLOSED'
  /** Being prepared (every new quote) */
  | 'DRAFT'
  /** Accepted by the customer */
  | 'WON';

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

/** An import of accounts or contacts from a file. */
export type StartImportInput = {
  /** The file's text (CSV, XML, vCard) for small files */
  content?: string | null | undefined;
  /** Contacts: create the accounts their rows name (by company name) that do not exist yet; otherwise such rows are rejected. */
  createMissingAccounts?: boolean | null | undefined;
  /** Report what would happen; write nothing. */
  dryRun?: boolean | null | undefined;
  duplicates?: DuplicateHandling | null | undefined;
  /** The text encoding (utf-8, utf-16le, windows-1250, windows-1252, …); detected when left out. */
  encoding?: string | null | undefined;
  entity: ImportEntity;
  fileName?: string | null | undefined;
  /** Detected from the file when left out. */
  format?: ImportFormat | null | undefined;
  /** Overrides the automatic mapping (by header: field names, the CRM’s display names, Outlook’s headers, English and Polish). */
  mapping?: Array<ColumnMappingInput> | null | undefined;
  /** An id returned by POST /uploads, for files of any size */
  uploadId?: string | number | null | undefined;
};

/** Weighted activity of the last 30 days against the 30 days before. */
export type Trend =
  /** More than 25% down */
  | 'DECLINING'
  /** More than 25% up */
  | 'IMPROVING'
  /** Within 25% either way */
  | 'STEADY';

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
      | { __typename: 'Activity', id: string }
      | { __typename: 'Contact', id: string, owner: { id: string } }
      | { __typename: 'ImportJob', id: string }
      | { __typename: 'Invoice', id: string }
      | { __typename: 'Opportunity', id: string }
      | { __typename: 'Quote', id: string }
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

export type ImportJobFieldsFragment = { id: string, entity: ImportEntity, fileName: string | null, format: ImportFormat, status: ImportStatus, dryRun: boolean, duplicates: DuplicateHandling, createMissingAccounts: boolean, totalRows: number | null, processedRows: number, createdCount: number, updatedCount: number, skippedCount: number, errorCount: number, encoding: string | null, unmappedColumns: Array<string>, failureReason: string | null, startedAt: string, completedAt: string | null, columns: Array<{ column: string, field: string }> };

export type StartImportMutationVariables = Exact<{
  input: StartImportInput;
}>;


export type StartImportMutation = { startImport: { job: { id: string, entity: ImportEntity, fileName: string | null, format: ImportFormat, status: ImportStatus, dryRun: boolean, duplicates: DuplicateHandling, createMissingAccounts: boolean, totalRows: number | null, processedRows: number, createdCount: number, updatedCount: number, skippedCount: number, errorCount: number, encoding: string | null, unmappedColumns: Array<string>, failureReason: string | null, startedAt: string, completedAt: string | null, columns: Array<{ column: string, field: string }> } } };

export type RetryImportMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryImportMutation = { retryImport: { job: { id: string, entity: ImportEntity, fileName: string | null, format: ImportFormat, status: ImportStatus, dryRun: boolean, duplicates: DuplicateHandling, createMissingAccounts: boolean, totalRows: number | null, processedRows: number, createdCount: number, updatedCount: number, skippedCount: number, errorCount: number, encoding: string | null, unmappedColumns: Array<string>, failureReason: string | null, startedAt: string, completedAt: string | null, columns: Array<{ column: string, field: string }> } } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImportJobQuery = { importJob: { id: string, entity: ImportEntity, fileName: string | null, format: ImportFormat, status: ImportStatus, dryRun: boolean, duplicates: DuplicateHandling, createMissingAccounts: boolean, totalRows: number | null, processedRows: number, createdCount: number, updatedCount: number, skippedCount: number, errorCount: number, encoding: string | null, unmappedColumns: Array<string>, failureReason: string | null, startedAt: string, completedAt: string | null, errors: { totalCount: number, edges: Array<{ cursor: string, node: { row: number, column: string | null, field: string | null, message: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, columns: Array<{ column: string, field: string }> } | null };

export type ImportJobsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImportJobsQuery = { importJobs: { totalCount: number, edges: Array<{ node: { id: string, status: ImportStatus, fileName: string | null, errors: { totalCount: number, edges: Array<{ node: { row: number, column: string | null, message: string } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ImportJobNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportJobNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { status: ImportStatus, entity: ImportEntity, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type EraseContactPersonalDataMutationVariables = Exact<{
  input: EraseContactPersonalDataInput;
}>;


export type EraseContactPersonalDataMutation = { eraseContactPersonalData: { position: string, contact: { id: string, firstName: string, lastName: string, fullName: string, email: string | null, phone: string | null, personalDataErasedAt: string | null, state: RecordState, account: { id: string } | null } } };

export type ExportContactPersonalDataQueryVariables = Exact<{
  contactId: string | number;
}>;


export type ExportContactPersonalDataQuery = { exportContactPersonalData: unknown };

export type RelationshipFiguresFragment = { healthScore: number | null, healthLevel: HealthLevel | null, trend: Trend | null, lastContactedByUs: string | null, lastContactedByThem: string | null, nextInteraction: string | null, emailsSent: number, emailsReceived: number, phoneCallsMade: number, phoneCallsReceived: number, appointments: number, timeSpentByUsMinutes: number, timeSpentByThemMinutes: number, averageResponseMinutesByUs: number | null, averageResponseMinutesByThem: number | null, factors: Array<{ name: string, impact: number }> };

export type AccountRelationshipQueryVariables = Exact<{
  id: string | number;
  days?: number | null | undefined;
}>;


export type AccountRelationshipQuery = { account: { id: string, relationship: { healthScore: number | null, healthLevel: HealthLevel | null, trend: Trend | null, lastContactedByUs: string | null, lastContactedByThem: string | null, nextInteraction: string | null, emailsSent: number, emailsReceived: number, phoneCallsMade: number, phoneCallsReceived: number, appointments: number, timeSpentByUsMinutes: number, timeSpentByThemMinutes: number, averageResponseMinutesByUs: number | null, averageResponseMinutesByThem: number | null, activityBreakdown: Array<{ date: string, emails: number, phoneCalls: number, appointments: number }>, factors: Array<{ name: string, impact: number }> } } | null };

export type ContactIntroductionsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type ContactIntroductionsQuery = { contact: { id: string, relationship: { healthScore: number | null, healthLevel: HealthLevel | null, trend: Trend | null, lastContactedByUs: string | null, lastContactedByThem: string | null, nextInteraction: string | null, emailsSent: number, emailsReceived: number, phoneCallsMade: number, phoneCallsReceived: number, appointments: number, timeSpentByUsMinutes: number, timeSpentByThemMinutes: number, averageResponseMinutesByUs: number | null, averageResponseMinutesByThem: number | null, factors: Array<{ name: string, impact: number }> }, introductions: Array<{ strength: number, interactions: number, lastInteractionAt: string | null, user: { id: string, name: string } }> } | null };

export type AccountsByHealthQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountsByHealthQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, relationship: { healthScore: number | null, healthLevel: HealthLevel | null, trend: Trend | null, emailsSent: number, lastContactedByUs: string | null, nextInteraction: string | null } } }> } };

export type ContactsByHealthQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactsByHealthQuery = { contacts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, relationship: { healthScore: number | null } } }> } };

export type SetIntroductionsOptOutMutationVariables = Exact<{
  optOut: boolean;
}>;


export type SetIntroductionsOptOutMutation = { setIntroductionsOptOut: { user: { id: string } } };

export type OpportunityFieldsFragment = { id: string, topic: string, estimatedRevenue: string | null, estimatedCloseDate: string | null, probability: number | null, weightedRevenue: string | null, status: OpportunityStatus, version: number, createdAt: string, modifiedAt: string, closedAt: string | null, account: { id: string, name: string } | null, contact: { id: string, fullName: string } | null, owner: { id: string } };

export type QuoteFieldsFragment = { id: string, quoteNumber: string, name: string, totalAmount: string, status: QuoteStatus, version: number, createdAt: string, opportunity: { id: string, status: OpportunityStatus } | null, account: { id: string } | null };

export type InvoiceFieldsFragment = { id: string, invoiceNumber: string, name: string, totalAmount: string, dueDate: string | null, status: InvoiceStatus, version: number, createdAt: string, account: { id: string } | null, contact: { id: string } | null, opportunity: { id: string } | null, quote: { id: string, quoteNumber: string } | null };

export type ActivityFieldsFragment = { id: string, type: ActivityType, subject: string, description: string | null, direction: Direction | null, occurredAt: string, durationMinutes: number | null, version: number, regardingAccount: { id: string } | null, regardingContact: { id: string } | null, regardingOpportunity: { id: string } | null, participants: Array<{ user: { id: string, name: string } | null, contact: { id: string, fullName: string } | null }>, inReplyTo: { id: string, subject: string } | null, owner: { id: string } };

export type CreateOpportunityMutationVariables = Exact<{
  input: CreateOpportunityInput;
}>;


export type CreateOpportunityMutation = { createOpportunity: { position: string, opportunity: { id: string, topic: string, estimatedRevenue: string | null, estimatedCloseDate: string | null, probability: number | null, weightedRevenue: string | null, status: OpportunityStatus, version: number, createdAt: string, modifiedAt: string, closedAt: string | null, account: { id: string, name: string } | null, contact: { id: string, fullName: string } | null, owner: { id: string } } } };

export type CloseOpportunityMutationVariables = Exact<{
  input: CloseOpportunityInput;
}>;


export type CloseOpportunityMutation = { closeOpportunity: { position: string, opportunity: { id: string, status: OpportunityStatus, closedAt: string | null, version: number } } };

export type CreateQuoteFromOpportunityMutationVariables = Exact<{
  input: CreateQuoteFromOpportunityInput;
}>;


export type CreateQuoteFromOpportunityMutation = { createQuoteFromOpportunity: { position: string, quote: { id: string, quoteNumber: string, name: string, totalAmount: string, status: QuoteStatus, version: number, createdAt: string, opportunity: { id: string, status: OpportunityStatus } | null, account: { id: string } | null } } };

export type CreateInvoiceMutationVariables = Exact<{
  input: CreateInvoiceInput;
}>;


export type CreateInvoiceMutation = { createInvoice: { position: string, invoice: { id: string, invoiceNumber: string, name: string, totalAmount: string, dueDate: string | null, status: InvoiceStatus, version: number, createdAt: string, account: { id: string } | null, contact: { id: string } | null, opportunity: { id: string } | null, quote: { id: string, quoteNumber: string } | null } } };

export type LogActivityMutationVariables = Exact<{
  input: LogActivityInput;
}>;


export type LogActivityMutation = { logActivity: { position: string, activity: { id: string, type: ActivityType, subject: string, description: string | null, direction: Direction | null, occurredAt: string, durationMinutes: number | null, version: number, regardingAccount: { id: string } | null, regardingContact: { id: string } | null, regardingOpportunity: { id: string } | null, participants: Array<{ user: { id: string, name: string } | null, contact: { id: string, fullName: string } | null }>, inReplyTo: { id: string, subject: string } | null, owner: { id: string } } } };

export type AssignSalesOwnerMutationVariables = Exact<{
  input: AssignOwnerInput;
}>;


export type AssignSalesOwnerMutation = { assignOwner: { position: string, record:
      | { __typename: 'Account', id: string }
      | { __typename: 'Activity', id: string, owner: { id: string } }
      | { __typename: 'Contact', id: string }
      | { __typename: 'ImportJob', id: string }
      | { __typename: 'Invoice', id: string }
      | { __typename: 'Opportunity', id: string, owner: { id: string } }
      | { __typename: 'Quote', id: string }
      | { __typename: 'User', id: string }
     } };

export type OpportunityQueryVariables = Exact<{
  id: string | number;
  quotesFirst?: number | null | undefined;
  quotesAfter?: string | null | undefined;
}>;


export type OpportunityQuery = { opportunity: { id: string, topic: string, estimatedRevenue: string | null, estimatedCloseDate: string | null, probability: number | null, weightedRevenue: string | null, status: OpportunityStatus, version: number, createdAt: string, modifiedAt: string, closedAt: string | null, quotes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, quoteNumber: string } }> }, account: { id: string, name: string } | null, contact: { id: string, fullName: string } | null, owner: { id: string } } | null };

export type QuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type QuoteQuery = { quote: { id: string, quoteNumber: string, name: string, totalAmount: string, status: QuoteStatus, version: number, createdAt: string, opportunity: { id: string, status: OpportunityStatus } | null, account: { id: string } | null } | null };

export type InvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceQuery = { invoice: { id: string, invoiceNumber: string, name: string, totalAmount: string, dueDate: string | null, status: InvoiceStatus, version: number, createdAt: string, account: { id: string } | null, contact: { id: string } | null, opportunity: { id: string } | null, quote: { id: string, quoteNumber: string } | null } | null };

export type ActivityQueryVariables = Exact<{
  id: string | number;
}>;


export type ActivityQuery = { activity: { id: string, type: ActivityType, subject: string, description: string | null, direction: Direction | null, occurredAt: string, durationMinutes: number | null, version: number, regardingAccount: { id: string } | null, regardingContact: { id: string } | null, regardingOpportunity: { id: string } | null, participants: Array<{ user: { id: string, name: string } | null, contact: { id: string, fullName: string } | null }>, inReplyTo: { id: string, subject: string } | null, owner: { id: string } } | null };

export type SalesNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type SalesNodeQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'Activity', subject: string, id: string }
    | { __typename: 'Contact', id: string }
    | { __typename: 'ImportJob', id: string }
    | { __typename: 'Invoice', invoiceNumber: string, id: string }
    | { __typename: 'Opportunity', topic: string, id: string }
    | { __typename: 'Quote', quoteNumber: string, id: string }
    | { __typename: 'User', id: string }
   | null };

export type AccountSalesRecordsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: OpportunityStatus | null | undefined;
  type?: ActivityType | null | undefined;
}>;


export type AccountSalesRecordsQuery = { account: { id: string, state: RecordState, opportunities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, topic: string, status: OpportunityStatus } }> }, quotes: { totalCount: number, edges: Array<{ node: { id: string, quoteNumber: string } }> }, invoices: { totalCount: number, edges: Array<{ node: { id: string, invoiceNumber: string, status: InvoiceStatus } }> }, activities: { totalCount: number, edges: Array<{ node: { id: string, type: ActivityType, subject: string } }> } } | null };

export type ContactSalesRecordsQueryVariables = Exact<{
  id: string | number;
  status?: OpportunityStatus | null | undefined;
  type?: ActivityType | null | undefined;
}>;


export type ContactSalesRecordsQuery = { contact: { id: string, opportunities: { totalCount: number, edges: Array<{ node: { id: string, topic: string } }> }, activities: { totalCount: number, edges: Array<{ node: { id: string, type: ActivityType } }> } } | null };

export type AccountsWithSalesRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  listFirst?: number | null | undefined;
}>;


export type AccountsWithSalesRecordsQuery = { accounts: { edges: Array<{ node: { id: string, name: string, contacts: { totalCount: number, edges: Array<{ node: { id: string, fullName: string } }> }, opportunities: { totalCount: number, edges: Array<{ node: { id: string, topic: string, status: OpportunityStatus, owner: { id: string } } }> }, quotes: { totalCount: number, edges: Array<{ node: { id: string, quoteNumber: string, totalAmount: string } }> }, invoices: { totalCount: number, edges: Array<{ node: { id: string, invoiceNumber: string, totalAmount: string } }> }, activities: { totalCount: number, edges: Array<{ node: { id: string, type: ActivityType, subject: string, participants: Array<{ user: { id: string } | null, contact: { id: string } | null }> } }> } } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string | null, roles: Array<Role> } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Account', name: string, id: string }
    | { __typename: 'Activity', id: string }
    | { __typename: 'Contact', fullName: string, id: string }
    | { __typename: 'ImportJob', id: string }
    | { __typename: 'Invoice', id: string }
    | { __typename: 'Opportunity', id: string }
    | { __typename: 'Quote', id: string }
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
