import type { ImportEntityName } from '../../../events/import.events';

/** How a cell's value becomes a field's value. */
export type ImportFieldKind = 'text' | 'integer' | 'amount' | 'coordinate';

/** A field an import can fill: a command input field (`name`, `address.city`) or a link (`accountName`). */
export interface ImportField {
  readonly name: string;
  readonly kind: ImportFieldKind;
  /** The name the CRM shows for it, e.g. "Account Name". */
  readonly label: string;
}

const ADDRESS_FIELDS: readonly ImportField[] = [
  { name: 'address.line1', kind: 'text', label: 'Address 1: Street 1' },
  { name: 'address.line2', kind: 'text', label: 'Address 1: Street 2' },
  { name: 'address.line3', kind: 'text', label: 'Address 1: Street 3' },
  { name: 'address.city', kind: 'text', label: 'Address 1: City' },
  { name: 'address.stateOrProvince', kind: 'text', label: 'Address 1: State/Province' },
  { name: 'address.postalCode', kind: 'text', label: 'Address 1: ZIP/Postal Code' },
  { name: 'address.country', kind: 'text', label: 'Address 1: Country/Region' },
  { name: 'address.latitude', kind: 'coordinate', label: 'Address 1: Latitude' },
  { name: 'address.longitude', kind: 'coordinate', label: 'Address 1: Longitude' },
];

/** The fields of an account an import fills (the createAccount input, without references to other records). */
export const ACCOUNT_IMPORT_FIELDS: readonly ImportField[] = [
  { name: 'name', kind: 'text', label: 'Account Name' },
  { name: 'accountNumber', kind: 'text', label: 'Account Number' },
  { name: 'phone', kind: 'text', label: 'Main Phone' },
  { name: 'email', kind: 'text', label: 'Email' },
  { name: 'website', kind: 'text', label: 'Website' },
  { name: 'industry', kind: 'text', label: 'Industry' },
  { name: 'annualRevenue', kind: 'amount', label: 'Annual Revenue' },
  { name: 'numberOfEmployees', kind: 'integer', label: 'Number of Employees' },
  { name: 'description', kind: 'text', label: 'Description' },
  ...ADDRESS_FIELDS,
];

/**
 * The fields of a contact an import fills. `fullName` is split into first and last name when those are empty;
 * `accountName` and `accountNumber` name the account the contact belongs to.
 */
export const CONTACT_IMPORT_FIELDS: readonly ImportField[] = [
  { name: 'firstName', kind: 'text', label: 'First Name' },
  { name: 'lastName', kind: 'text', label: 'Last Name' },
  { name: 'fullName', kind: 'text', label: 'Full Name' },
  { name: 'jobTitle', kind: 'text', label: 'Job Title' },
  { name: 'email', kind: 'text', label: 'Email' },
  { name: 'phone', kind: 'text', label: 'Business Phone' },
  { name: 'mobilePhone', kind: 'text', label: 'Mobile Phone' },
  { name: 'description', kind: 'text', label: 'Description' },
  { name: 'accountName', kind: 'text', label: 'Company Name' },
  { name: 'accountNumber', kind: 'text', label: 'Account Number' },
  ...ADDRESS_FIELDS,
];

export function importFieldsOf(entity: ImportEntityName): readonly ImportField[] {
  return entity === 'ACCOUNT' ? ACCOUNT_IMPORT_FIELDS : CONTACT_IMPORT_FIELDS;
}
