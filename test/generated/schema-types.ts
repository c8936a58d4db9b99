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
  /** The activities regarding the account (all, or of one type), latest first; not those regarding its contacts or opportunities. */
  activities: ActivityConnection;
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
  /** The invoices billed to the account, newest first. */
  invoices: InvoiceConnection;
  /** When the account last changed. */
  modifiedAt: Scalars['DateTime']['output'];
  /** The only required field. */
  name: Scalars['String']['output'];
  numberOfEmployees: Maybe<Scalars['Int']['output']>;
  /** The account’s opportunities (all, or in one status), newest first. */
  opportunities: OpportunityConnection;
  /** The user responsible for the account. */
  owner: User;
  /** The account this one belongs to in a hierarchy. */
  parentAccount: Maybe<Account>;
  phone: Maybe<Scalars['String']['output']>;
  /** The main person to talk to. */
  primaryContact: Maybe<Contact>;
  /** The quotes made for the account, newest first. */
  quotes: QuoteConnection;
  /** How the relationship with the account is going (KPIs and health score). */
  relationship: RelationshipInsights;
  /** INACTIVE accounts are read-only and hidden from most views; their history is kept. */
  state: RecordState;
  /** How many changes the account has had; pass it as `expectedVersion` to update safely. */
  version: Scalars['Int']['output'];
  website: Maybe<Scalars['String']['output']>;
};


/** A company the sales team works with. */
export type AccountActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<ActivityType>;
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


/** A company the sales team works with. */
export type AccountInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company the sales team works with. */
export type AccountOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OpportunityStatus>;
};


/** A company the sales team works with. */
export type AccountQuotesArgs = {
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
  | 'HEALTH_SCORE_DESC'
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

/** An interaction: an e-mail, a phone call, an appointment or a task, regarding an account, a contact or an opportunity. */
export type Activity = Node & {
  __typename?: 'Activity';
  /** When the activity was logged. */
  createdAt: Scalars['DateTime']['output'];
  /** Notes, the body of an e-mail, the minutes of a meeting. */
  description: Maybe<Scalars['String']['output']>;
  /** Who started it: we (OUTGOING) or they (INCOMING). */
  direction: Maybe<Direction>;
  /** How long it took, in minutes. */
  durationMinutes: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** The e-mail this e-mail answers, if any (e-mail threads). */
  inReplyTo: Maybe<Activity>;
  /** When it happened (or is scheduled to). */
  occurredAt: Scalars['DateTime']['output'];
  /** The user responsible for the activity (who logged it, unless reassigned). */
  owner: User;
  /** Who took part, in the order they were named. */
  participants: Array<ActivityParticipant>;
  /** The account the activity regards, if any. */
  regardingAccount: Maybe<Account>;
  /** The contact the activity regards, if any. */
  regardingContact: Maybe<Contact>;
  /** The opportunity the activity regards, if any. */
  regardingOpportunity: Maybe<Opportunity>;
  /** What it was about (reads "[erased]" once the contact it regards was erased). */
  subject: Scalars['String']['output'];
  /** What kind of interaction it was. */
  type: ActivityType;
  /** How many changes the activity has had. */
  version: Scalars['Int']['output'];
};

/** A page of Activity records. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Activity in a list, with its cursor. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Activity;
};

/** One person who took part in an activity: a user or a contact. */
export type ActivityParticipant = {
  __typename?: 'ActivityParticipant';
  /** The contact who took part (null when it was a user). */
  contact: Maybe<Contact>;
  /** The user who took part (null when it was a contact). */
  user: Maybe<User>;
};

/** The activity after a change, and the position of the change in the event log. */
export type ActivityPayload = {
  __typename?: 'ActivityPayload';
  /** The activity as the read models now show it. */
  activity: Activity;
  /** The global position of the last event written (read models include it). */
  position: Scalars['String']['output'];
};

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

/** Closes an open opportunity as won or lost. */
export type CloseOpportunityInput = {
  /** The opportunity (must be OPEN). */
  id: Scalars['ID']['input'];
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** WON or LOST. */
  status: OpportunityStatus;
};

/** Maps one column of the file to a field (or ignores it). */
export type ColumnMappingInput = {
  /** The column’s header, as in the file. */
  column: Scalars['String']['input'];
  /** The field it fills: `name`, `email`, `address.city`, … (contacts also `fullName`, `accountName`, `accountNumber`); null ignores the column. */
  field?: InputMaybe<Scalars['String']['input']>;
};

/** A person at a company; belongs to at most one account at a time. */
export type Contact = Node & {
  __typename?: 'Contact';
  /** The one account the contact belongs to, if any. */
  account: Maybe<Account>;
  /** The activities regarding the contact (all, or of one type), latest first. */
  activities: ActivityConnection;
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
  /** Who knows whom: the colleagues who know the contact best, strongest first (users who opted out are left out). */
  introductions: Array<Introduction>;
  jobTitle: Maybe<Scalars['String']['output']>;
  lastName: Scalars['String']['output'];
  mobilePhone: Maybe<Scalars['String']['output']>;
  modifiedAt: Scalars['DateTime']['output'];
  /** The opportunities with the contact as the potential customer (all, or in one status), newest first. */
  opportunities: OpportunityConnection;
  /** The user responsible for the contact. */
  owner: User;
  /** Set when the contact's personal data was erased */
  personalDataErasedAt: Maybe<Scalars['DateTime']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  /** How the relationship with the contact is going (KPIs and health score). */
  relationship: RelationshipInsights;
  /** INACTIVE contacts are read-only and hidden from most views; their history is kept. */
  state: RecordState;
  /** How many changes the contact has had; pass it as `expectedVersion` to update safely. */
  version: Scalars['Int']['output'];
};


/** A person at a company; belongs to at most one account at a time. */
export type ContactActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<ActivityType>;
};


/** A person at a company; belongs to at most one account at a time. */
export type ContactHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person at a company; belongs to at most one account at a time. */
export type ContactIntroductionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person at a company; belongs to at most one account at a time. */
export type ContactOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OpportunityStatus>;
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
  | 'HEALTH_SCORE_DESC'
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

/** A new invoice for an account and/or a contact, optionally from an opportunity or a quote (whose account and contact fill in what is left out). */
export type CreateInvoiceInput = {
  /** The account billed (must be active). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** The contact billed (must be active). */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** When payment is due. */
  dueDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Trimmed; 1 to 300 characters. */
  name: Scalars['String']['input'];
  /** The opportunity the invoice comes from. */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** The quote the invoice comes from (then from its opportunity too). */
  quoteId?: InputMaybe<Scalars['ID']['input']>;
  /** Non-negative, at most two decimals. */
  totalAmount: Scalars['Decimal']['input'];
};

/** A new opportunity: a topic and a potential customer (an active account, an active contact, or both). */
export type CreateOpportunityInput = {
  /** The account the sale is for (must be active). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** The contact the sale is for (must be active). */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** When the opportunity is expected to close. */
  estimatedCloseDate?: InputMaybe<Scalars['DateTime']['input']>;
  /** Non-negative, at most two decimals. */
  estimatedRevenue?: InputMaybe<Scalars['Decimal']['input']>;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The owner; the caller when left out. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** The chance of winning, 0 to 100. */
  probability?: InputMaybe<Scalars['Int']['input']>;
  /** Trimmed; 1 to 300 characters. */
  topic: Scalars['String']['input'];
};

/** A new quote from an open opportunity; its account is the opportunity’s. */
export type CreateQuoteFromOpportunityInput = {
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The opportunity’s topic when left out; at most 300 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** An OPEN opportunity whose account and contact are active. */
  opportunityId: Scalars['ID']['input'];
  /** Non-negative, at most two decimals. */
  totalAmount: Scalars['Decimal']['input'];
};

/** The interactions of one UTC day. */
export type DailyActivity = {
  __typename?: 'DailyActivity';
  appointments: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  date: Scalars['String']['output'];
  /** Sent and received. */
  emails: Scalars['Int']['output'];
  /** Made and received. */
  phoneCalls: Scalars['Int']['output'];
};

/** Who started an interaction. */
export type Direction =
  /** They did */
  | 'INCOMING'
  /** We did */
  | 'OUTGOING';

/** Unlinks a contact from its account. */
export type DisassociateContactInput = {
  contactId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
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

/** What raised (positive impact) or lowered (negative) a health score, in points. */
export type HealthFactor = {
  __typename?: 'HealthFactor';
  impact: Scalars['Float']['output'];
  name: Scalars['String']['output'];
};

/** The health score in words (thresholds configurable; see docs/analytics.md). */
export type HealthLevel =
  /** 40 to 59 */
  | 'FAIR'
  /** A score of 60 or more */
  | 'GOOD'
  /** Below 40 */
  | 'POOR';

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

/** A column of an imported file and the field it fills. */
export type ImportColumnMapping = {
  __typename?: 'ImportColumnMapping';
  column: Scalars['String']['output'];
  field: Scalars['String']['output'];
};

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

/** An import of accounts or contacts from a file. Its counts follow what was committed: created and updated rows are counted from the records’ own events. */
export type ImportJob = Node & {
  __typename?: 'ImportJob';
  /** The columns that fill a field. */
  columns: Array<ImportColumnMapping>;
  completedAt: Maybe<Scalars['DateTime']['output']>;
  createMissingAccounts: Scalars['Boolean']['output'];
  createdCount: Scalars['Int']['output'];
  /** A dry run writes nothing: its counts say what would have happened. */
  dryRun: Scalars['Boolean']['output'];
  duplicates: DuplicateHandling;
  /** The text encoding the file was read in (detected or requested). */
  encoding: Maybe<Scalars['String']['output']>;
  entity: ImportEntity;
  /** Rows rejected (each with its problems in `errors`). */
  errorCount: Scalars['Int']['output'];
  /** The problems of the rejected rows, in row order. */
  errors: ImportRowErrorConnection;
  /** Why the job FAILED: a refused file (with where and what), or an interruption. */
  failureReason: Maybe<Scalars['String']['output']>;
  fileName: Maybe<Scalars['String']['output']>;
  format: ImportFormat;
  id: Scalars['ID']['output'];
  /** Rows created, updated, skipped or rejected so far. */
  processedRows: Scalars['Int']['output'];
  /** Rows that changed nothing: duplicates skipped, or updates with nothing to change. */
  skippedCount: Scalars['Int']['output'];
  /** When the job was asked for. */
  startedAt: Scalars['DateTime']['output'];
  status: ImportStatus;
  /** Rows with data in the file; known once the file has been read through. */
  totalRows: Maybe<Scalars['Int']['output']>;
  /** Columns holding values that no field takes (their values were not imported). */
  unmappedColumns: Array<Scalars['String']['output']>;
  updatedCount: Scalars['Int']['output'];
};


/** An import of accounts or contacts from a file. Its counts follow what was committed: created and updated rows are counted from the records’ own events. */
export type ImportJobErrorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of ImportJob records. */
export type ImportJobConnection = {
  __typename?: 'ImportJobConnection';
  edges: Array<ImportJobEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One ImportJob in a list, with its cursor. */
export type ImportJobEdge = {
  __typename?: 'ImportJobEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: ImportJob;
};

/** The import job a mutation queued or re-ran. */
export type ImportJobPayload = {
  __typename?: 'ImportJobPayload';
  job: ImportJob;
};

/** One problem of a rejected row. It says what is wrong, never what the cell holds. */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** The file’s column the problem is in, when there is one. */
  column: Maybe<Scalars['String']['output']>;
  /** The field the problem is about (`name`, `address.city`), when there is one. */
  field: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** The row as the file shows it: the spreadsheet row for CSV and workbooks (the header is row 1), the record’s or card’s place for XML and vCard. */
  row: Scalars['Int']['output'];
};

/** A page of ImportRowError records. */
export type ImportRowErrorConnection = {
  __typename?: 'ImportRowErrorConnection';
  edges: Array<ImportRowErrorEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One ImportRowError in a list, with its cursor. */
export type ImportRowErrorEdge = {
  __typename?: 'ImportRowErrorEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: ImportRowError;
};

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

/** A colleague who knows a contact, and how well (who knows whom). */
export type Introduction = {
  __typename?: 'Introduction';
  /** E-mails, calls and appointments with the contact. */
  interactions: Scalars['Int']['output'];
  lastInteractionAt: Maybe<Scalars['DateTime']['output']>;
  /** 0–100: interactions, recency and two-way exchanges (see docs/analytics.md). */
  strength: Scalars['Float']['output'];
  user: User;
};

/** A bill for an account and/or a contact. */
export type Invoice = Node & {
  __typename?: 'Invoice';
  /** The account billed, if any. */
  account: Maybe<Account>;
  /** The contact billed, if any. */
  contact: Maybe<Contact>;
  /** When the invoice was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When payment is due. */
  dueDate: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** `INV-00001`, …: unique, given out without gaps. */
  invoiceNumber: Scalars['String']['output'];
  /** The invoice’s name. */
  name: Scalars['String']['output'];
  /** The opportunity the invoice comes from, if any. */
  opportunity: Maybe<Opportunity>;
  /** The quote the invoice comes from, if any. */
  quote: Maybe<Quote>;
  /** Where the invoice stands; a new invoice is ACTIVE. */
  status: InvoiceStatus;
  /** The invoice’s total, exact to the cent. */
  totalAmount: Scalars['Decimal']['output'];
  /** How many changes the invoice has had. */
  version: Scalars['Int']['output'];
};

/** A page of Invoice records. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Invoice in a list, with its cursor. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Invoice;
};

/** The invoice after a change, and the position of the change in the event log. */
export type InvoicePayload = {
  __typename?: 'InvoicePayload';
  /** The invoice as the read models now show it. */
  invoice: Invoice;
  /** The global position of the last event written (read models include it). */
  position: Scalars['String']['output'];
};

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
  description?: InputMaybe<Scalars['String']['input']>;
  /** Who started it. */
  direction?: InputMaybe<Direction>;
  /** How long it took, 0 to 10080 minutes (a week). */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Retrying with the same key returns the first result and changes nothing. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The e-mail this e-mail answers (e-mail threads). */
  inReplyToActivityId?: InputMaybe<Scalars['ID']['input']>;
  /** When it happened (or is scheduled to). */
  occurredAt: Scalars['DateTime']['input'];
  /** Who took part: users and contacts, at most 100. */
  participants?: InputMaybe<Array<ParticipantInput>>;
  /** An active account it regards. */
  regardingAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** An active contact it regards. */
  regardingContactId?: InputMaybe<Scalars['ID']['input']>;
  /** An opportunity it regards (its account and contact must be active). */
  regardingOpportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** Trimmed; 1 to 200 characters. */
  subject: Scalars['String']['input'];
  /** E-mail, phone call, appointment or task. */
  type: ActivityType;
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
  /** Closes an open opportunity as WON or LOST; it is read-only from then on. */
  closeOpportunity: OpportunityPayload;
  /** Creates an account; only the name is required. */
  createAccount: AccountPayload;
  /** Creates a contact; first and last name are required. */
  createContact: ContactPayload;
  /** Creates an invoice with the next invoice number for an active account and/or contact, optionally from an opportunity or a quote. */
  createInvoice: InvoicePayload;
  /** Creates an opportunity for an active account and/or contact; it starts OPEN and the caller owns it unless told otherwise. */
  createOpportunity: OpportunityPayload;
  /** Creates a quote from an OPEN opportunity whose account and contact are active, with the next quote number; refused with RECORD_INACTIVE otherwise. */
  createQuoteFromOpportunity: QuotePayload;
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
  /** Logs an e-mail, phone call, appointment or task owned by the caller; what it regards must be active (RECORD_INACTIVE). */
  logActivity: ActivityPayload;
  /** Registers a user (administrators only). */
  registerUser: UserPayload;
  /** Runs a FAILED import job again: rows it imported before are not imported twice; skipped and rejected rows are looked at afresh. */
  retryImport: ImportJobPayload;
  /** Opts the signed-in user out of who-knows-whom (or back in with false): they no longer appear in contacts’ introductions. Recorded as an event of the user, with who chose. */
  setIntroductionsOptOut: UserPayload;
  /** Queues an import of an upload (POST /uploads) or of `content`, and answers at once with the job (QUEUED); follow it with importJob. */
  startImport: ImportJobPayload;
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


export type MutationCloseOpportunityArgs = {
  input: CloseOpportunityInput;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


export type MutationCreateInvoiceArgs = {
  input: CreateInvoiceInput;
};


export type MutationCreateOpportunityArgs = {
  input: CreateOpportunityInput;
};


export type MutationCreateQuoteFromOpportunityArgs = {
  input: CreateQuoteFromOpportunityInput;
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


export type MutationLogActivityArgs = {
  input: LogActivityInput;
};


export type MutationRegisterUserArgs = {
  input: RegisterUserInput;
};


export type MutationRetryImportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetIntroductionsOptOutArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  optOut: Scalars['Boolean']['input'];
};


export type MutationStartImportArgs = {
  input: StartImportInput;
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

/** A potential sale to an account and/or a contact. */
export type Opportunity = Node & {
  __typename?: 'Opportunity';
  /** The account the sale is for, if any. */
  account: Maybe<Account>;
  /** When it was won or lost. */
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** The contact the sale is for, if any. */
  contact: Maybe<Contact>;
  /** When the opportunity was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the opportunity is expected to close. */
  estimatedCloseDate: Maybe<Scalars['DateTime']['output']>;
  /** The revenue expected if the opportunity is won. */
  estimatedRevenue: Maybe<Scalars['Decimal']['output']>;
  /** Every change of the opportunity, newest first (auditors). */
  history: HistoryConnection;
  id: Scalars['ID']['output'];
  /** When the opportunity last changed. */
  modifiedAt: Scalars['DateTime']['output'];
  /** The user responsible for the opportunity. */
  owner: User;
  /** The chance of winning, in percent (0–100). */
  probability: Maybe<Scalars['Int']['output']>;
  /** The quotes created from the opportunity, newest first. */
  quotes: QuoteConnection;
  /** OPEN until closed as WON or LOST; a closed opportunity is read-only. */
  status: OpportunityStatus;
  /** What the sale is about; the only required field. */
  topic: Scalars['String']['output'];
  /** How many changes the opportunity has had. */
  version: Scalars['Int']['output'];
  /** The estimated revenue times the probability, rounded half-even to the cent; null when either is missing. */
  weightedRevenue: Maybe<Scalars['Decimal']['output']>;
};


/** A potential sale to an account and/or a contact. */
export type OpportunityHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A potential sale to an account and/or a contact. */
export type OpportunityQuotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Opportunity records. */
export type OpportunityConnection = {
  __typename?: 'OpportunityConnection';
  edges: Array<OpportunityEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Opportunity in a list, with its cursor. */
export type OpportunityEdge = {
  __typename?: 'OpportunityEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Opportunity;
};

/** The opportunity after a change, and the position of the change in the event log. */
export type OpportunityPayload = {
  __typename?: 'OpportunityPayload';
  /** The opportunity as the read models now show it. */
  opportunity: Opportunity;
  /** The global position of the last event written (read models include it). */
  position: Scalars['String']['output'];
};

/** Where an opportunity stands: OPEN until closed as WON or LOST (a closed opportunity is read-only). */
export type OpportunityStatus =
  /** Closed as lost */
  | 'LOST'
  /** Still being worked on */
  | 'OPEN'
  /** Closed as won */
  | 'WON';

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

/** One participant: a user or a contact (exactly one of the two). */
export type ParticipantInput = {
  /** A contact (an inactive one may take part too). */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** A user of the CRM. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One account by id, active or not; null when there is none. With `asOf` (auditors): as it was then. */
  account: Maybe<Account>;
  /** Accounts in a view, optionally searched (name, account number, e-mail; accent- and case-insensitive). */
  accounts: AccountConnection;
  /** One activity by id; null when there is none. */
  activity: Maybe<Activity>;
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
  /** One import job by id; null when there is none. */
  importJob: Maybe<ImportJob>;
  /** Import jobs, newest first. */
  importJobs: ImportJobConnection;
  /** One invoice by id; null when there is none. */
  invoice: Maybe<Invoice>;
  /** The signed-in user. */
  me: User;
  /** Any record by its id. */
  node: Maybe<Node>;
  /** One opportunity by id, open or closed; null when there is none. */
  opportunity: Maybe<Opportunity>;
  /** The organisation-wide settings (readable by every user). */
  organizationSettings: OrganizationSettings;
  /** One quote by id; null when there is none. */
  quote: Maybe<Quote>;
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


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
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


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuoteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** An offer made to a customer, created from an open opportunity. */
export type Quote = Node & {
  __typename?: 'Quote';
  /** The opportunity’s account when the quote was created, if it had one. */
  account: Maybe<Account>;
  /** When the quote was created. */
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The quote’s name (the opportunity’s topic unless another was given). */
  name: Scalars['String']['output'];
  /** The opportunity the quote was created from. */
  opportunity: Maybe<Opportunity>;
  /** `QUO-00001`, …: unique, given out without gaps. */
  quoteNumber: Scalars['String']['output'];
  /** Where the quote stands; a new quote is a DRAFT. */
  status: QuoteStatus;
  /** The quote’s total, exact to the cent. */
  totalAmount: Scalars['Decimal']['output'];
  /** How many changes the quote has had. */
  version: Scalars['Int']['output'];
};

/** A page of Quote records. */
export type QuoteConnection = {
  __typename?: 'QuoteConnection';
  edges: Array<QuoteEdge>;
  pageInfo: PageInfo;
  /** How many records the whole list holds (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One Quote in a list, with its cursor. */
export type QuoteEdge = {
  __typename?: 'QuoteEdge';
  /** Pass as `after` to continue after this edge. */
  cursor: Scalars['String']['output'];
  node: Quote;
};

/** The quote after a change, and the position of the change in the event log. */
export type QuotePayload = {
  __typename?: 'QuotePayload';
  /** The global position of the last event written (read models include it). */
  position: Scalars['String']['output'];
  /** The quote as the read models now show it. */
  quote: Quote;
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
  email: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** At least one; privileges add up across roles. */
  roles: Array<Role>;
};

/** How a relationship is going, from the activities regarding the account or contact (and naming its contacts). Counts and minutes are all-time up to today (UTC); the score is computed as of the request. See docs/analytics.md. */
export type RelationshipInsights = {
  __typename?: 'RelationshipInsights';
  /** E-mails, calls and appointments per day over the last `days` days, oldest first. */
  activityBreakdown: Array<DailyActivity>;
  appointments: Scalars['Int']['output'];
  /** Average minutes between our e-mail and their reply to it; null without replies. */
  averageResponseMinutesByThem: Maybe<Scalars['Float']['output']>;
  /** Average minutes between their e-mail and our reply to it; null without replies. */
  averageResponseMinutesByUs: Maybe<Scalars['Float']['output']>;
  emailsReceived: Scalars['Int']['output'];
  emailsSent: Scalars['Int']['output'];
  /** What raised and lowered the score, largest impact first. */
  factors: Array<HealthFactor>;
  healthLevel: Maybe<HealthLevel>;
  /** 0–100; null when there never was an e-mail, call or appointment. */
  healthScore: Maybe<Scalars['Int']['output']>;
  /** The latest incoming e-mail or call, or appointment, up to now. */
  lastContactedByThem: Maybe<Scalars['DateTime']['output']>;
  /** The latest outgoing e-mail or call, or appointment, up to now. */
  lastContactedByUs: Maybe<Scalars['DateTime']['output']>;
  /** The earliest appointment or task after now. */
  nextInteraction: Maybe<Scalars['DateTime']['output']>;
  phoneCallsMade: Scalars['Int']['output'];
  phoneCallsReceived: Scalars['Int']['output'];
  /** The same, on their side. */
  timeSpentByThemMinutes: Scalars['Float']['output'];
  /** E-mails 5 min to write and 2.5 to read per reader, calls their duration, appointments duration × our attendees. */
  timeSpentByUsMinutes: Scalars['Float']['output'];
  trend: Maybe<Trend>;
};


/** How a relationship is going, from the activities regarding the account or contact (and naming its contacts). Counts and minutes are all-time up to today (UTC); the score is computed as of the request. See docs/analytics.md. */
export type RelationshipInsightsActivityBreakdownArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
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

/** An import of accounts or contacts from a file. */
export type StartImportInput = {
  /** The file's text (CSV, XML, vCard) for small files */
  content?: InputMaybe<Scalars['String']['input']>;
  /** Contacts: create the accounts their rows name (by company name) that do not exist yet; otherwise such rows are rejected. */
  createMissingAccounts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Report what would happen; write nothing. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  duplicates?: InputMaybe<DuplicateHandling>;
  /** The text encoding (utf-8, utf-16le, windows-1250, windows-1252, …); detected when left out. */
  encoding?: InputMaybe<Scalars['String']['input']>;
  entity: ImportEntity;
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** Detected from the file when left out. */
  format?: InputMaybe<ImportFormat>;
  /** Overrides the automatic mapping (by header: field names, the CRM’s display names, Outlook’s headers, English and Polish). */
  mapping?: InputMaybe<Array<ColumnMappingInput>>;
  /** An id returned by POST /uploads, for files of any size */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
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
