import { registerEnumType } from 'type-graphql';

export enum RecordState {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(RecordState, {
  name: 'RecordState',
  description: 'Whether a record is in use or deactivated (read-only, hidden from most views).',
});

export enum Role {
  SALESPERSON = 'SALESPERSON',
  SALES_MANAGER = 'SALES_MANAGER',
  ADMINISTRATOR = 'ADMINISTRATOR',
  AUDITOR = 'AUDITOR',
}
registerEnumType(Role, { name: 'Role', description: 'A security role; a user may hold several and their privileges add up.' });

export enum RecordType {
  ACCOUNT = 'ACCOUNT',
  CONTACT = 'CONTACT',
  OPPORTUNITY = 'OPPORTUNITY',
  QUOTE = 'QUOTE',
  INVOICE = 'INVOICE',
  ACTIVITY = 'ACTIVITY',
  IMPORT_JOB = 'IMPORT_JOB',
  USER = 'USER',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(RecordType, { name: 'RecordType', description: 'The kinds of records the CRM keeps.' });

export enum RecordView {
  MY_ACTIVE = 'MY_ACTIVE',
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  ALL = 'ALL',
}
const viewValues = {
  MY_ACTIVE: { description: 'Active records the viewer owns' },
  ACTIVE: { description: 'Active records' },
  INACTIVE: { description: 'Deactivated records' },
  ALL: { description: 'Active and deactivated records' },
};
/** The same four views, under the names the contract gives them for accounts and contacts. */
export const AccountView = { ...RecordView } as typeof RecordView;
export const ContactView = { ...RecordView } as typeof RecordView;
registerEnumType(AccountView, { name: 'AccountView', description: 'Which accounts a list shows.', valuesConfig: viewValues });
registerEnumType(ContactView, { name: 'ContactView', description: 'Which contacts a list shows.', valuesConfig: viewValues });

export enum AccountOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  CREATED_DESC = 'CREATED_DESC',
  MODIFIED_DESC = 'MODIFIED_DESC',
  /** Relationship health, as of the request's day: highest first, never-contacted accounts last. */
  HEALTH_SCORE_DESC = 'HEALTH_SCORE_DESC',
}
registerEnumType(AccountOrder, {
  name: 'AccountOrder',
  description: 'How an accounts list is ordered (names accent- and case-insensitively).',
});

export enum ContactOrder {
  LAST_NAME_ASC = 'LAST_NAME_ASC',
  LAST_NAME_DESC = 'LAST_NAME_DESC',
  CREATED_DESC = 'CREATED_DESC',
  MODIFIED_DESC = 'MODIFIED_DESC',
  /** Relationship health, as of the request's day: highest first, never-contacted contacts last. */
  HEALTH_SCORE_DESC = 'HEALTH_SCORE_DESC',
}
registerEnumType(ContactOrder, { name: 'ContactOrder', description: 'How a contacts list is ordered (last name, then first name).' });
