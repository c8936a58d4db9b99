import { join } from 'node:path';
import { detectFormat } from '../../../src/import/format/format.detector';
import { FIXTURES } from '../support/import-harness';
import { scratchFiles } from '../support/files';

describe('telling a file’s format from its content', () => {
  const files = scratchFiles('crm-format-');
  afterAll(() => files.remove());

  it.each([
    ['outlook-contacts.csv', 'OUTLOOK_CSV'],
    ['kontakty-cp1250.csv', 'CSV'],
    ['accounts-spreadsheet2003.xml', 'XML_SPREADSHEET'],
    ['contacts.vcf', 'VCARD'],
    ['accounts.xlsx', 'XLSX'],
  ])('reads %s as %s', async (file, format) => {
    expect(await detectFormat(join(FIXTURES, file))).toBe(format);
  });

  it('reads XML without Excel’s namespace as record XML', async () => {
    expect(await detectFormat(files.write('\uFEFF<?xml version="1.0"?>\n<contacts><contact/></contacts>'))).toBe('XML');
  });

  it('refuses an Excel 97–2003 workbook, saying how to save it', async () => {
    await expect(detectFormat(files.write(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).rejects.toThrow(
      /save it as \.xlsx or CSV/u,
    );
  });

  it('refuses an empty file', async () => {
    await expect(detectFormat(files.write(''))).rejects.toThrow(/The file is empty/u);
  });
});
