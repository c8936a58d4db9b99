import { ImportFileError } from '../../../src/import/import-file.error';
import { resolveColumnMapping } from '../../../src/import/mapping/column-mapping';

const fieldOf = (entity: 'ACCOUNT' | 'CONTACT', header: string, others: readonly string[] = []) => {
  const required = entity === 'ACCOUNT' ? ['Account Name'] : ['First Name', 'Last Name'];
  const columns = [...new Set([...required, ...others, header])];
  return resolveColumnMapping(entity, columns, []).mapped.find((entry) => entry.column === header)?.field ?? null;
};

describe('mapping columns to fields by their headers', () => {
  it.each([
    ['Account Name', 'name'],
    ['account name', 'name'],
    ['ACCOUNTNAME', 'name'],
    ['name', 'name'],
    ['Nazwa firmy', 'name'],
    ['Numer klienta', 'accountNumber'],
    ['Main Phone', 'phone'],
    ['Address 1: City', 'address.city'],
    ['Address 1: ZIP/Postal Code', 'address.postalCode'],
    ['Miejscowość', 'address.city'],
    ['miejscowosc', 'address.city'],
    ['Kod pocztowy', 'address.postalCode'],
    ['Liczba pracowników', 'numberOfEmployees'],
    ['Przychód roczny', 'annualRevenue'],
    ['Strona WWW', 'website'],
    ['address.country', 'address.country'],
  ])('maps the account header %j to %s', (header, field) => {
    expect(fieldOf('ACCOUNT', header)).toBe(field);
  });

  it.each([
    ['Imię', 'firstName'],
    ['IMIE', 'firstName'],
    ['Nazwisko', 'lastName'],
    ['E-mail Address', 'email'],
    ['Adres e-mail', 'email'],
    ['Telefon służbowy', 'phone'],
    ['Mobile Phone', 'mobilePhone'],
    ['Telefon komórkowy', 'mobilePhone'],
    ['Job Title', 'jobTitle'],
    ['Stanowisko', 'jobTitle'],
    ['Company', 'accountName'],
    ['Firma', 'accountName'],
    ['Business Street', 'address.line1'],
    ['Ulica (służbowy)', 'address.line1'],
    ['Business Country/Region', 'address.country'],
    ['Home City', 'address.city'],
    ['Notes', 'description'],
  ])('maps the contact header %j to %s', (header, field) => {
    expect(fieldOf('CONTACT', header)).toBe(field);
  });

  it('leaves a column with an unknown header unmapped, and reports it', () => {
    const mapping = resolveColumnMapping('CONTACT', ['First Name', 'Last Name', 'Shoe Size'], []);
    expect(mapping.unmapped).toEqual(['Shoe Size']);
  });

  it('prefers the business phone to the home phone for the same field', () => {
    const mapping = resolveColumnMapping('CONTACT', ['First Name', 'Last Name', 'Home Phone', 'Business Phone'], []);
    expect(mapping.sources.get('phone')!.map((source) => source.column)).toEqual(['Business Phone', 'Home Phone']);
  });

  it('follows a mapping given by hand, which takes the field from the columns the headers would give it', () => {
    const mapping = resolveColumnMapping('ACCOUNT', ['Account Name', 'Nazwa skrócona'], [{ column: 'Nazwa skrócona', field: 'name' }]);
    expect(mapping.sources.get('name')!.map((source) => source.column)).toEqual(['Nazwa skrócona']);
    expect(mapping.unmapped).toEqual(['Account Name']);
  });

  it('ignores a column mapped to no field', () => {
    const mapping = resolveColumnMapping('ACCOUNT', ['Account Name', 'Notes'], [{ column: 'Notes', field: null }]);
    expect(mapping.sources.has('description')).toBe(false);
  });

  it('refuses a mapping that names a column the file lacks', () => {
    expect(() => resolveColumnMapping('ACCOUNT', ['Name'], [{ column: 'Nazwa', field: 'name' }])).toThrow(ImportFileError);
  });

  it.each([
    ['an account file without a name column', 'ACCOUNT', ['Industry'], /No column holds the account's name/u],
    ['a contact file without a last name column', 'CONTACT', ['First Name'], /No column holds the contact's Last Name/u],
  ] as const)('refuses %s', (_case, entity, columns, message) => {
    expect(() => resolveColumnMapping(entity, columns, [])).toThrow(message);
  });

  it('accepts a contact file with a full name in place of first and last names', () => {
    expect(resolveColumnMapping('CONTACT', ['Full Name'], []).sources.has('fullName')).toBe(true);
  });
});
