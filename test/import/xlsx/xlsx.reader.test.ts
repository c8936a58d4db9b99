import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { XlsxReader } from '../../../src/import/xlsx/xlsx.reader';
import { FIXTURES } from '../support/import-harness';
import { cellsOf, readAll, scratchFiles } from '../support/files';

describe('the .xlsx reader', () => {
  const files = scratchFiles('crm-xlsx-');
  afterAll(() => files.remove());

  it('reads the first worksheet with numbers as numbers and shared strings as text, keeping row numbers', async () => {
    const records = await readAll(new XlsxReader(join(FIXTURES, 'accounts.xlsx'), DEFAULT_IMPORT_LIMITS));
    expect(records.map((record) => record.row)).toEqual([2, 3, 4, 5]);
    expect(cellsOf(records[0])).toEqual({
      'Account Name': 'Adventure Works Cycles',
      'Primary Contact Email': 'info@adventure-works.example',
      Industry: 'Manufacturing',
      'Number of Employees': 310,
      'Annual Revenue': 12500000,
      City: 'Bothell',
      Country: 'United States',
    });
    expect(cellsOf(records[2])).not.toHaveProperty('Account Name');
  });

  it('reads a date cell as a date, rich text as its text and a formula as its result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Name', 'Since', 'Notes', 'Employees']);
    const row = sheet.addRow([
      'Anna',
      new Date(Date.UTC(2024, 4, 17)),
      { richText: [{ text: 'very ' }, { font: { bold: true }, text: 'important' }] },
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(4).value = { formula: '2*21', result: 42 };
    const path = files.write(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    const [record] = await readAll(new XlsxReader(path, DEFAULT_IMPORT_LIMITS));
    expect(cellsOf(record)).toEqual({ Name: 'Anna', Since: new Date(Date.UTC(2024, 4, 17)), Notes: 'very important', Employees: 42 });
  });

  it('imports only the first worksheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('First').addRows([['Name'], ['Anna']]);
    workbook.addWorksheet('Second').addRows([['Name'], ['Jan'], ['Ewa']]);
    const path = files.write(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect((await readAll(new XlsxReader(path, DEFAULT_IMPORT_LIMITS))).map(cellsOf)).toEqual([{ Name: 'Anna' }]);
  });
});
