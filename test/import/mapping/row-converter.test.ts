import { resolveColumnMapping } from '../../../src/import/mapping/column-mapping';
import { RowConverter } from '../../../src/import/mapping/row-converter';
import type { CellValue } from '../../../src/import/source-record';

const convert = (entity: 'ACCOUNT' | 'CONTACT', cells: Record<string, CellValue>, extraColumns: readonly string[] = []) => {
  const columns = [
    ...new Set([...(entity === 'ACCOUNT' ? ['Account Name'] : ['First Name', 'Last Name']), ...Object.keys(cells), ...extraColumns]),
  ];
  const converter = new RowConverter(entity, resolveColumnMapping(entity, columns, []));
  return converter.convert({ row: 2, cells: Object.entries(cells).map(([column, value]) => ({ column, value })) });
};
const valuesOf = (converted: ReturnType<typeof convert>) => Object.fromEntries(converted.values);

describe('converting a row to field values', () => {
  it.each([
    ['1 200', 1200],
    ['1.200', 1200],
    ['1,200', 1200],
    ['85', 85],
    [430, 430],
  ] as const)('reads the whole number %j', (cell, expected) => {
    expect(valuesOf(convert('ACCOUNT', { 'Number of Employees': cell })).numberOfEmployees).toBe(expected);
  });

  it.each([
    ['many', 'numberOfEmployees: must be a whole number'],
    [12.5, 'numberOfEmployees: must be a whole number'],
  ] as const)('reports %j as not a whole number, without quoting it', (cell, message) => {
    expect(convert('ACCOUNT', { 'Number of Employees': cell }).problems).toEqual([
      { column: 'Number of Employees', field: 'numberOfEmployees', message },
    ]);
  });

  it.each([
    ['1 250 000,50 zł', '1250000.50'],
    ['1,250,000.50', '1250000.50'],
    ['1.250.000,5', '1250000.5'],
    ['1250,5', '1250.5'],
    ['$ 980', '980'],
    [98000000.5, '98000000.5'],
  ] as const)('reads the amount %j as %j (the command checks it)', (cell, expected) => {
    expect(valuesOf(convert('ACCOUNT', { 'Annual Revenue': cell })).annualRevenue).toBe(expected);
  });

  it('writes a workbook date in a text field as an ISO date', () => {
    expect(valuesOf(convert('ACCOUNT', { Description: new Date(Date.UTC(2024, 4, 17)) })).description).toBe('2024-05-17');
  });

  it('takes the address from one group only: the business address when it has any part, else the home one', () => {
    const both = convert('CONTACT', { 'Business City': 'Gdańsk', 'Home City': 'Sopot', 'Home Street': 'Morska 1' });
    expect(valuesOf(both)).toMatchObject({ 'address.city': 'Gdańsk' });
    expect(valuesOf(both)).not.toHaveProperty('address.line1');
    expect(valuesOf(convert('CONTACT', { 'Home City': 'Sopot' }, ['Business City']))).toMatchObject({ 'address.city': 'Sopot' });
  });

  it('splits a full name into the first and last names the row lacks', () => {
    const converted = convert('CONTACT', { 'Full Name': 'Anna Maria Nowak' });
    expect(valuesOf(converted)).toMatchObject({ firstName: 'Anna Maria', lastName: 'Nowak' });
    expect(converted.columns.get('lastName')).toBe('Full Name');
  });

  it('keeps what the reader could not read as the row’s problems', () => {
    const converter = new RowConverter('CONTACT', resolveColumnMapping('CONTACT', ['First Name', 'Last Name'], []));
    expect(converter.convert({ row: 3, cells: [], problems: ['the card has no END:VCARD'] }).problems).toEqual([
      { column: null, field: null, message: 'the card has no END:VCARD' },
    ]);
  });
});
