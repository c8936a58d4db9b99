export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, ISO-8601 in UTC, e.g. 2026-03-01T09:30:00.000Z */
  DateTime: { input: string; output: string; }
  /** An exact decimal amount, as a string: "1250.00"  */
  Decimal: { input: string; output: string; }
  /** Any JSON value */
  JSON: { input: unknown; output: unknown; }
};

/** A company the sales team works with. */
export type Account = Node & {
  __typename?: 'Account';
  /** The company’s number in other systems (not required to be unique). */
  accountNumber: Maybe<Scalars['String']['output']>;
  address: Maybe<Address>;
  annualRevenue: Maybe<Scalars['Decimal']['output']>;
  /** The account’s contacts, by last name. */
  contacts: ContactConnection;
  createdAt: Scalars['DateTime']['output'];
  description: Maybe<Scalars['String']['output']>;
  email: Maybe<Scalars['String']['output']>;
  /** Every change of the account, newest first (auditors). */
  history: HistoryConnection;
  id: Scalars['ID']['output'];
  industry: Maybe<Scalars['String']['output']>;
  /** When the account last changed. */
  modifiedAt: Scalars['DateTime']['output'];
  /** The only required field. */
  name: Scalars['String']['output'];
  numberOfEmployees: Maybe<Scalars['Int']['output']>;
  /** The user responsible for the account. */
  owner: User;
  /** The account this one belongs to in a hierarchy. */
  parentAccount: Maybe<Account>;
  phone: Maybe<Scalars['String']['output']>;
  /** The main person to talk to. */
  primaryContact: Maybe<Contact>;
  /** INACTIVE accounts are read-only and hidden from most views; their history is kept. */
  state: RecordState;
  /** How many changes the account has had; pass it as `expectedVersion` to update safely. */
  version: Scalars['Int']['output'];
  website: Maybe<Scalars['String']['output']>;
};


/** A company the sales team works with. */
export type AccountContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  view?: InputMaybe<ContactView>;
};


/** A company the sales team works with. */
export type AccountHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Account records. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  edges: Array<AccountEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Account in a list, with its cursor. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Account;
};

/** How an accounts list is ordered (names accent- and case-insensitively). */
export type AccountOrder =
  | 'CREATED_DESC'
  | 'MODIFIED_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC';

/** The account after a change, and the position of the change in the event log. */
export type AccountPayload = {
  __typename?: 'AccountPayload';
  account: Account;
  /** The global position of the last event written (read models include it). */
  position: Scalars['String']['output'];
};

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

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  city: Maybe<Scalars['String']['output']>;
  /** The address as one text, the way it is printed on an envelope. */
  composite: Maybe<Scalars['String']['output']>;
  country: Maybe<Scalars['String']['output']>;
  /** Decimal degrees, −90 to 90. */
  latitude: Maybe<Scalars['Float']['output']>;
  line1: Maybe<Scalars['String']['output']>;
  line2: Maybe<Scalars['String']['output']>;
  line3: Maybe<Scalars['String']['output']>;
  /** Decimal degrees, −180 to 180. */
  longitude: Maybe<Scalars['Float']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  stateOrProvince: Maybe<Scalars['String']['output']>;
};

/** An address. On update, a part left out keeps its value and a part set to null is cleared. */
export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  line3?: InputMaybe<Scalars['String']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  stateOrProvince?: InputMaybe<Scalars['String']['input']>;
};

/** A suggested address: a line to show, and the address it fills in. */
export type AddressSuggestion = {
  __typename?: 'AddressSuggestion';
  /** The address to fill in. Its parts (every field but `composite`) can be sent as an `AddressInput` as they are, e.g. to `createAccount`. */
  address: Address;
  /** What to show in the list, e.g. "Gdańsk, Pomorskie, Poland". */
  label: Scalars['String']['output'];
};

/** Makes a user the owner of a record. */
export type AssignOwnerInput = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  ownerId: Scalars['ID']['input'];
  recordType: RecordType;
};

/** The record that changed owner. */
export type AssignOwnerPayload = {
  __typename?: 'AssignOwnerPayload';
  position: Scalars['String']['output'];
  record: Node;
};

/** Links existing contacts to an account, all or nothing. */
export type AssociateContactsInput = {
  accountId: Scalars['ID']['input'];
  /** Contacts that belong to no account yet (or already to this one). */
  contactIds: Array<Scalars['ID']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The account and the contacts now linked to it. */
export type AssociateContactsPayload = {
  __typename?: 'AssociateContactsPayload';
  account: Account;
  contacts: Array<Contact>;
  position: Scalars['String']['output'];
};

/** Which events the audit log lists; every part optional. */
export type AuditLogFilter = {
  /** Only what this user did. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** From this instant (inclusive). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  recordId?: InputMaybe<Scalars['ID']['input']>;
  recordType?: InputMaybe<RecordType>;
  /** Until this instant (inclusive). */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The result of walking the hash chain over every event. */
export type AuditTrailReport = {
  __typename?: 'AuditTrailReport';
  eventsChecked: Scalars['Int']['output'];
  /** The position of the first event whose hash does not follow: it was altered, or the event before it was removed. */
  firstBrokenPosition: Maybe<Scalars['String']['output']>;
  /** True when every event follows from its predecessor: nothing was altered or removed. */
  ok: Scalars['Boolean']['output'];
};

/** Replaces a user's roles (administrators only); recorded in the audit trail. */
export type ChangeUserRolesInput = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  roles: Array<Role>;
  userId: Scalars['ID']['input'];
};

/** A person at a company; belongs to at most one account at a time. */
export type Contact = Node & {
  __typename?: 'Contact';
  /** The one account the contact belongs to, if any. */
  account: Maybe<Account>;
  address: Maybe<Address>;
  createdAt: Scalars['DateTime']['output'];
  description: Maybe<Scalars['String']['output']>;
  email: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  /** "First Last". */
  fullName: Scalars['String']['output'];
  /** Every change of the contact, newest first (auditors). */
  history: HistoryConnection;
  id: Scalars['ID']['output'];
  jobTitle: Maybe<Scalars['String']['output']>;
  lastName: Scalars['String']['output'];
  mobilePhone: Maybe<Scalars['String']['output']>;
  modifiedAt: Scalars['DateTime']['output'];
  /** The user responsible for the contact. */
  owner: User;
  /** Set when the contact's personal data was erased */
  personalDataErasedAt: Maybe<Scalars['DateTime']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  /** INACTIVE contacts are read-only and hidden from most views; their history is kept. */
  state: RecordState;
  /** How many changes the contact has had; pass it as `expectedVersion` to update safely. */
  version: Scalars['Int']['output'];
};


/** A person at a company; belongs to at most one account at a time. */
export type ContactHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Contact records. */
export type ContactConnection = {
  __typename?: 'ContactConnection';
  edges: Array<ContactEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Contact in a list, with its cursor. */
export type ContactEdge = {
  __typename?: 'ContactEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Contact;
};

/** How a contacts list is ordered (last name, then first name). */
export type ContactOrder =
  | 'CREATED_DESC'
  | 'LAST_NAME_ASC'
  | 'LAST_NAME_DESC'
  | 'MODIFIED_DESC';

/** The contact after a change, and the position of the change in the event log. */
export type ContactPayload = {
  __typename?: 'ContactPayload';
  contact: Contact;
  position: Scalars['String']['output'];
};

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
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  address?: InputMaybe<AddressInput>;
  /** Non-negative, at most two decimals. */
  annualRevenue?: InputMaybe<Scalars['Decimal']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Trimmed; 1 to 160 characters. */
  name: Scalars['String']['input'];
  numberOfEmployees?: InputMaybe<Scalars['Int']['input']>;
  /** The owner; the caller when left out. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  parentAccountId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  primaryContactId?: InputMaybe<Scalars['ID']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A new contact: first and last name are required. */
export type CreateContactInput = {
  /** An active account the contact starts in. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  address?: InputMaybe<AddressInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  mobilePhone?: InputMaybe<Scalars['String']['input']>;
  /** The owner; the caller when left out. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Unlinks a contact from its account. */
export type DisassociateContactInput = {
  contactId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Erases a person's data at their request (right to be forgotten); administrators only. */
export type EraseContactPersonalDataInput = {
  contactId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why (the request it answers); kept in the audit trail. */
  reason: Scalars['String']['input'];
};

/** One field's change made by one event. */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** True when the values were a person's data that has since been erased: they read as null. */
  erased: Scalars['Boolean']['output'];
  /** The field, e.g. `name` or `address.city`. */
  field: Scalars['String']['output'];
  /** The value before (null: unset, or erased). */
  from: Maybe<Scalars['JSON']['output']>;
  /** The value after (null: cleared, or erased). */
  to: Maybe<Scalars['JSON']['output']>;
};

/** A page of History records. */
export type HistoryConnection = {
  __typename?: 'HistoryConnection';
  edges: Array<HistoryEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One History in a list, with its cursor. */
export type HistoryEdge = {
  __typename?: 'HistoryEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: HistoryEntry;
};

/** One event of a record's history. */
export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** Who did it (null for the system). */
  actor: Maybe<User>;
  /** The fields it changed, before and after (creation: every field set). */
  changes: Array<FieldChange>;
  /** The command that decided it; events of one command share it. */
  commandId: Maybe<Scalars['String']['output']>;
  /** The event’s payload as recorded (erased personal data as null). */
  data: Scalars['JSON']['output'];
  /** The payload fields whose values were erased. */
  erasedFields: Array<Scalars['String']['output']>;
  /** What happened, e.g. AccountUpdated. */
  eventType: Scalars['String']['output'];
  /** When it was recorded. */
  occurredAt: Scalars['DateTime']['output'];
  /** The global position of the event in the log. */
  position: Scalars['String']['output'];
  recordId: Scalars['ID']['output'];
  recordType: RecordType;
  /** Where it came from: api, import, cli or system. */
  source: Scalars['String']['output'];
  /** The record’s version after this event. */
  version: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Makes a deactivated account writable again. */
  activateAccount: AccountPayload;
  /** Makes a deactivated contact writable again. */
  activateContact: ContactPayload;
  /** Activates a deactivated user again (administrators only). */
  activateUser: UserPayload;
  /** Makes a user the owner of a record. */
  assignOwner: AssignOwnerPayload;
  /** Links contacts to an account, all or nothing; a contact of another account fails the whole call (CONTACT_ALREADY_ASSOCIATED). */
  associateContacts: AssociateContactsPayload;
  /** Replaces a user's roles (administrators only). */
  changeUserRoles: UserPayload;
  /** Creates an account; only the name is required. */
  createAccount: AccountPayload;
  /** Creates a contact; first and last name are required. */
  createContact: ContactPayload;
  /** Makes the account read-only and hides it from most views; its contacts stay active. */
  deactivateAccount: AccountPayload;
  /** Makes the contact read-only and hides it from most views. */
  deactivateContact: ContactPayload;
  /** Deactivates a user (administrators only): their tokens stop working at once. */
  deactivateUser: UserPayload;
  /** Unlinks the contact from its account. */
  disassociateContact: ContactPayload;
  /** Erases the contact's personal data (administrators only): their data key is destroyed, every personal field of their history reads as erased, the record stays. */
  eraseContactPersonalData: ContactPayload;
  /** Registers a user (administrators only). */
  registerUser: UserPayload;
  /** Changes the fields given; refused for an inactive account. */
  updateAccount: AccountPayload;
  /** Changes the fields given; refused for an inactive contact. */
  updateContact: ContactPayload;
  /** Changes the settings given. Administrators only: anyone else gets FORBIDDEN (naming the missing privilege) and nothing changes. */
  updateOrganizationSettings: OrganizationSettings;
};


export type MutationActivateAccountArgs = {
  input: SetStateInput;
};


export type MutationActivateContactArgs = {
  input: SetStateInput;
};


export type MutationActivateUserArgs = {
  input: SetUserStateInput;
};


export type MutationAssignOwnerArgs = {
  input: AssignOwnerInput;
};


export type MutationAssociateContactsArgs = {
  input: AssociateContactsInput;
};


export type MutationChangeUserRolesArgs = {
  input: ChangeUserRolesInput;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


export type MutationDeactivateAccountArgs = {
  input: SetStateInput;
};


export type MutationDeactivateContactArgs = {
  input: SetStateInput;
};


export type MutationDeactivateUserArgs = {
  input: SetUserStateInput;
};


export type MutationDisassociateContactArgs = {
  input: DisassociateContactInput;
};


export type MutationEraseContactPersonalDataArgs = {
  input: EraseContactPersonalDataInput;
};


export type MutationRegisterUserArgs = {
  input: RegisterUserInput;
};


export type MutationUpdateAccountArgs = {
  input: UpdateAccountInput;
};


export type MutationUpdateContactArgs = {
  input: UpdateContactInput;
};


export type MutationUpdateOrganizationSettingsArgs = {
  input: OrganizationSettingsInput;
};

/** A record with a globally unique id, fetchable with `node(id)`. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Settings for the whole organisation; only administrators change them. */
export type OrganizationSettings = {
  __typename?: 'OrganizationSettings';
  /** Whether typing the start of an address returns suggestions (`addressSuggestions`); off by default. */
  addressSuggestionsEnabled: Scalars['Boolean']['output'];
};

/** The settings to change; a setting left out (or null) keeps its value. */
export type OrganizationSettingsInput = {
  /** Turns address suggestions on (true) or off (false). */
  addressSuggestionsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where a page of a list ends and whether more follow. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One account by id, active or not; null when there is none. With `asOf` (auditors): as it was then. */
  account: Maybe<Account>;
  /** Accounts in a view, optionally searched (name, account number, e-mail; accent- and case-insensitive). */
  accounts: AccountConnection;
  /** Addresses and places starting with what was typed (accent- and case-insensitive), best first. FEATURE_DISABLED until an administrator turns address suggestions on; BAD_USER_INPUT for a blank or too long query (100 characters), `first` outside 1..20 or an unknown country. */
  addressSuggestions: Array<AddressSuggestion>;
  /** Every change across records, newest first, filtered (auditors). */
  auditLog: HistoryConnection;
  /** One contact by id, active or not; null when there is none. With `asOf` (auditors): as it was then. */
  contact: Maybe<Contact>;
  /** Contacts in a view, optionally searched (name, e-mail; accent- and case-insensitive). */
  contacts: ContactConnection;
  /** Everything held about a contact (right of access), as one JSON document; administrators only. */
  exportContactPersonalData: Scalars['JSON']['output'];
  /** The signed-in user. */
  me: User;
  /** Any record by its id. */
  node: Maybe<Node>;
  /** The organisation-wide settings (readable by every user). */
  organizationSettings: OrganizationSettings;
  /** The users of the CRM by name, optionally searched (name, e-mail). */
  users: UserConnection;
  /** Walks the hash chain over every event: proof that nothing was altered or removed (auditors). */
  verifyAuditTrail: AuditTrailReport;
};


export type QueryAccountArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AccountOrder>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  view?: InputMaybe<AccountView>;
};


export type QueryAddressSuggestionsArgs = {
  country?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContactArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryContactsArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ContactOrder>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  view?: InputMaybe<ContactView>;
};


export type QueryExportContactPersonalDataArgs = {
  contactId: Scalars['ID']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
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
  email: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
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
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Deactivates or activates a user (administrators only). */
export type SetUserStateInput = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

/** Fields left out stay as they are; a field set to null is cleared (name cannot be cleared). */
export type UpdateAccountInput = {
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  address?: InputMaybe<AddressInput>;
  annualRevenue?: InputMaybe<Scalars['Decimal']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Refuse with CONFLICT unless the account is still at this version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  industry?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  numberOfEmployees?: InputMaybe<Scalars['Int']['input']>;
  parentAccountId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  primaryContactId?: InputMaybe<Scalars['ID']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Fields left out stay as they are; a field set to null is cleared (names cannot be cleared). */
export type UpdateContactInput = {
  address?: InputMaybe<AddressInput>;
  description?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  mobilePhone?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** A person who works in the CRM: owns records, performs changes. */
export type User = Node & {
  __typename?: 'User';
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The security roles the user holds. */
  roles: Array<Role>;
  /** INACTIVE users can no longer sign in; their records and history stay. */
  state: RecordState;
};

/** A page of User records. */
export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One User in a list, with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: User;
};

/** The user after a change, and the position of the change in the event log. */
export type UserPayload = {
  __typename?: 'UserPayload';
  position: Scalars['String']['output'];
  user: User;
};
