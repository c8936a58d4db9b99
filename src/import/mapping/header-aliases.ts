import type { ImportEntityName } from '../../../events/import.events';
import { importFieldsOf } from '../../domain/import/import-fields';
import { headerKey } from './header-key';

/** Where a header points: the field, how much it is preferred over other columns of that field (0 best), and its address group. */
export interface HeaderAlias {
  readonly field: string;
  readonly priority: number;
  /** For address parts: which address the column belongs to; a row's address is taken from one group only. */
  readonly group?: string;
}

type AliasList = readonly (readonly [header: string, field: string, priority?: number])[];

/** An address's parts under the headers of one address group (Outlook's business, home and other addresses, the CRM's address 1 and 2). */
function addressAliases(group: string, priority: number, headers: Readonly<Record<string, readonly string[]>>) {
  return Object.entries(headers).flatMap(([part, names]) =>
    names.map((name) => ({ header: name, alias: { field: `address.${part}`, priority, group } satisfies HeaderAlias })),
  );
}

/** Plain address headers, English and Polish, and the CRM's "Address 1: …" display names. */
const MAIN_ADDRESS = addressAliases('main', 0, {
  line1: [
    'Address 1: Street 1',
    'Street',
    'Street 1',
    'Address',
    'Address Line 1',
    'Address 1',
    'Ulica',
    'Adres',
    'Adres 1',
    'Ulica i numer',
  ],
  line2: ['Address 1: Street 2', 'Street 2', 'Address Line 2', 'Adres 2'],
  line3: ['Address 1: Street 3', 'Street 3', 'Address Line 3', 'Adres 3'],
  city: ['Address 1: City', 'City', 'Town', 'Miasto', 'Miejscowość', 'Miejscowosc'],
  stateOrProvince: ['Address 1: State/Province', 'State', 'Province', 'State/Province', 'Region', 'County', 'Województwo', 'Wojewodztwo'],
  postalCode: ['Address 1: ZIP/Postal Code', 'ZIP', 'ZIP Code', 'Postal Code', 'Postcode', 'Post Code', 'Kod pocztowy', 'Kod'],
  country: ['Address 1: Country/Region', 'Country', 'Country/Region', 'Kraj', 'Państwo', 'Kraj/region'],
  latitude: ['Address 1: Latitude', 'Latitude', 'Lat', 'Szerokość geograficzna'],
  longitude: ['Address 1: Longitude', 'Longitude', 'Lng', 'Lon', 'Długość geograficzna'],
});

/** Outlook's business address (English and Polish Outlook), the address of a contact's work. */
const BUSINESS_ADDRESS = addressAliases('business', 0, {
  line1: ['Business Street', 'Ulica (służbowy)', 'Ulica służbowa', 'Adres służbowy'],
  line2: ['Business Street 2', 'Ulica 2 (służbowy)'],
  line3: ['Business Street 3', 'Ulica 3 (służbowy)'],
  city: ['Business City', 'Miejscowość (służbowy)', 'Miasto (służbowy)', 'Miasto służbowe'],
  stateOrProvince: ['Business State', 'Województwo (służbowy)'],
  postalCode: ['Business Postal Code', 'Kod pocztowy (służbowy)'],
  country: ['Business Country/Region', 'Business Country', 'Kraj/region (służbowy)', 'Kraj (służbowy)'],
});

const SECOND_ADDRESS = addressAliases('address2', 1, {
  line1: ['Address 2: Street 1'],
  line2: ['Address 2: Street 2'],
  line3: ['Address 2: Street 3'],
  city: ['Address 2: City'],
  stateOrProvince: ['Address 2: State/Province'],
  postalCode: ['Address 2: ZIP/Postal Code'],
  country: ['Address 2: Country/Region'],
});

const HOME_ADDRESS = addressAliases('home', 2, {
  line1: ['Home Street', 'Ulica (domowy)'],
  line2: ['Home Street 2', 'Ulica 2 (domowy)'],
  line3: ['Home Street 3', 'Ulica 3 (domowy)'],
  city: ['Home City', 'Miejscowość (domowy)', 'Miasto (domowy)'],
  stateOrProvince: ['Home State', 'Województwo (domowy)'],
  postalCode: ['Home Postal Code', 'Kod pocztowy (domowy)'],
  country: ['Home Country/Region', 'Kraj/region (domowy)'],
});

const OTHER_ADDRESS = addressAliases('other', 3, {
  line1: ['Other Street', 'Ulica (inny)'],
  line2: ['Other Street 2', 'Ulica 2 (inny)'],
  line3: ['Other Street 3', 'Ulica 3 (inny)'],
  city: ['Other City', 'Miejscowość (inny)'],
  stateOrProvince: ['Other State', 'Województwo (inny)'],
  postalCode: ['Other Postal Code', 'Kod pocztowy (inny)'],
  country: ['Other Country/Region', 'Kraj/region (inny)'],
});

const ACCOUNT_ALIASES: AliasList = [
  ['Account Name', 'name'],
  ['Name', 'name'],
  ['Company', 'name'],
  ['Company Name', 'name'],
  ['Organization', 'name'],
  ['Organisation', 'name'],
  ['Nazwa', 'name'],
  ['Nazwa firmy', 'name'],
  ['Nazwa konta', 'name'],
  ['Firma', 'name'],
  ['Kontrahent', 'name'],
  ['Account Number', 'accountNumber'],
  ['Account No', 'accountNumber'],
  ['Account #', 'accountNumber'],
  ['Customer Number', 'accountNumber'],
  ['Numer konta', 'accountNumber'],
  ['Numer klienta', 'accountNumber'],
  ['Nr klienta', 'accountNumber'],
  ['Main Phone', 'phone'],
  ['Phone', 'phone'],
  ['Telephone', 'phone'],
  ['Business Phone', 'phone', 1],
  ['Company Main Phone', 'phone', 1],
  ['Telefon', 'phone'],
  ['Telefon główny', 'phone'],
  ['Telefon służbowy', 'phone', 1],
  ['Email', 'email'],
  ['E-mail', 'email'],
  ['Email Address', 'email'],
  ['E-mail Address', 'email'],
  ['Primary Contact Email', 'email', 1],
  ['Adres e-mail', 'email'],
  ['Website', 'website'],
  ['Web Site', 'website'],
  ['Web Page', 'website'],
  ['URL', 'website'],
  ['WWW', 'website'],
  ['Strona WWW', 'website'],
  ['Strona internetowa', 'website'],
  ['Witryna sieci Web', 'website'],
  ['Industry', 'industry'],
  ['Branża', 'industry'],
  ['Annual Revenue', 'annualRevenue'],
  ['Revenue', 'annualRevenue'],
  ['Przychód roczny', 'annualRevenue'],
  ['Roczny przychód', 'annualRevenue'],
  ['Przychody', 'annualRevenue'],
  ['Number of Employees', 'numberOfEmployees'],
  ['No. of Employees', 'numberOfEmployees'],
  ['Employees', 'numberOfEmployees'],
  ['Liczba pracowników', 'numberOfEmployees'],
  ['Pracownicy', 'numberOfEmployees'],
  ['Zatrudnienie', 'numberOfEmployees'],
  ['Description', 'description'],
  ['Notes', 'description', 1],
  ['Opis', 'description'],
  ['Notatki', 'description', 1],
  ['Uwagi', 'description', 1],
];

const CONTACT_ALIASES: AliasList = [
  ['First Name', 'firstName'],
  ['Given Name', 'firstName'],
  ['Forename', 'firstName'],
  ['Imię', 'firstName'],
  ['Last Name', 'lastName'],
  ['Surname', 'lastName'],
  ['Family Name', 'lastName'],
  ['Nazwisko', 'lastName'],
  ['Full Name', 'fullName'],
  ['Name', 'fullName'],
  ['Contact Name', 'fullName'],
  ['Display Name', 'fullName', 1],
  ['Imię i nazwisko', 'fullName'],
  ['Job Title', 'jobTitle'],
  ['Position', 'jobTitle'],
  ['Stanowisko', 'jobTitle'],
  ['Email', 'email'],
  ['E-mail', 'email'],
  ['Email Address', 'email'],
  ['E-mail Address', 'email'],
  ['Adres e-mail', 'email'],
  ['Email 2', 'email', 1],
  ['E-mail 2 Address', 'email', 1],
  ['Adres e-mail 2', 'email', 1],
  ['E-mail 3 Address', 'email', 2],
  ['Adres e-mail 3', 'email', 2],
  ['Business Phone', 'phone'],
  ['Phone', 'phone'],
  ['Telephone', 'phone'],
  ['Work Phone', 'phone'],
  ['Telefon służbowy', 'phone'],
  ['Telefon', 'phone'],
  ['Business Phone 2', 'phone', 1],
  ['Telefon służbowy 2', 'phone', 1],
  ['Primary Phone', 'phone', 2],
  ['Telefon podstawowy', 'phone', 2],
  ['Home Phone', 'phone', 3],
  ['Telefon domowy', 'phone', 3],
  ['Other Phone', 'phone', 4],
  ['Mobile Phone', 'mobilePhone'],
  ['Mobile', 'mobilePhone'],
  ['Cell Phone', 'mobilePhone'],
  ['Telefon komórkowy', 'mobilePhone'],
  ['Komórka', 'mobilePhone'],
  ['Tel. komórkowy', 'mobilePhone'],
  ['Description', 'description'],
  ['Notes', 'description'],
  ['Opis', 'description'],
  ['Notatki', 'description'],
  ['Uwagi', 'description'],
  ['Company', 'accountName'],
  ['Company Name', 'accountName'],
  ['Account Name', 'accountName'],
  ['Organization', 'accountName'],
  ['Organisation', 'accountName'],
  ['Parent Customer', 'accountName'],
  ['Firma', 'accountName'],
  ['Nazwa firmy', 'accountName'],
  ['Organizacja', 'accountName'],
  ['Account Number', 'accountNumber'],
  ['Company Number', 'accountNumber'],
  ['Numer konta', 'accountNumber'],
  ['Numer klienta', 'accountNumber'],
];

const ADDRESSES = [...MAIN_ADDRESS, ...BUSINESS_ADDRESS, ...SECOND_ADDRESS];

let built: ReadonlyMap<ImportEntityName, ReadonlyMap<string, HeaderAlias>> | null = null;

/**
 * The headers an import recognizes for an entity, by header key (case-, space-, punctuation- and
 * accent-insensitive): each field's own name ("firstName", "address.city") and CRM display name, English and
 * Polish names, and Outlook's export headers (English and Polish Outlook). Contacts also take Outlook's home
 * and other addresses, used when a row has no business address.
 */
export function headerAliases(entity: ImportEntityName): ReadonlyMap<string, HeaderAlias> {
  built ??= new Map([
    ['ACCOUNT', aliasMap('ACCOUNT', ACCOUNT_ALIASES, ADDRESSES)],
    ['CONTACT', aliasMap('CONTACT', CONTACT_ALIASES, [...ADDRESSES, ...HOME_ADDRESS, ...OTHER_ADDRESS])],
  ]);
  return built.get(entity)!;
}

function aliasMap(
  entity: ImportEntityName,
  aliases: AliasList,
  addresses: readonly { readonly header: string; readonly alias: HeaderAlias }[],
): ReadonlyMap<string, HeaderAlias> {
  const map = new Map<string, HeaderAlias>();
  const add = (header: string, alias: HeaderAlias) => {
    const key = headerKey(header);
    if (!map.has(key)) map.set(key, alias);
  };
  for (const field of importFieldsOf(entity)) {
    add(field.name, { field: field.name, priority: 0, ...(field.name.startsWith('address.') ? { group: 'main' } : {}) });
    add(field.label, { field: field.name, priority: 0, ...(field.name.startsWith('address.') ? { group: 'main' } : {}) });
  }
  for (const [header, field, priority = 0] of aliases) add(header, { field, priority });
  for (const { header, alias } of addresses) add(header, alias);
  return map;
}
