import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { inspectXlsxZip } from '../../../src/import/xlsx/xlsx-zip.inspector';
import { scratchFiles } from '../support/files';
import { workbookEntries, zipFile } from '../support/zip-writer';

const SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

describe('inspecting an .xlsx before reading it', () => {
  const files = scratchFiles('crm-zip-');
  afterAll(() => files.remove());
  const inspect = (zip: Buffer, limits = DEFAULT_IMPORT_LIMITS) => inspectXlsxZip(files.write(zip, 'xlsx'), limits);

  it('accepts a plain workbook', async () => {
    await expect(inspect(zipFile(workbookEntries(SHEET)))).resolves.toBeUndefined();
  });

  it('refuses a zip with more entries than the limit', async () => {
    const entries = [
      ...workbookEntries(SHEET),
      ...Array.from({ length: 10 }, (_, index) => ({ name: `x/${index}`, data: Buffer.from('x') })),
    ];
    await expect(inspect(zipFile(entries), { ...DEFAULT_IMPORT_LIMITS, maxZipEntries: 8 })).rejects.toThrow(
      /holds 14 zip entries; at most 8/u,
    );
  });

  it('refuses an entry that inflates beyond the limit for one entry', async () => {
    const entries = [...workbookEntries(SHEET), { name: 'xl/media/big.bin', data: Buffer.alloc(4096, 1) }];
    await expect(inspect(zipFile(entries), { ...DEFAULT_IMPORT_LIMITS, maxZipEntryBytes: 1024 })).rejects.toThrow(
      /big\.bin inflates to 4096 bytes/u,
    );
  });

  it('refuses entries that inflate beyond the total limit together', async () => {
    const entries = [...workbookEntries(SHEET), { name: 'a', data: Buffer.alloc(3000, 1) }, { name: 'b', data: Buffer.alloc(3000, 1) }];
    await expect(inspect(zipFile(entries), { ...DEFAULT_IMPORT_LIMITS, maxZipTotalBytes: 5000 })).rejects.toThrow(
      /more than 5000 bytes in total/u,
    );
  });

  it('refuses overlapping entries (the trick of non-recursive zip bombs)', async () => {
    const entries = [...workbookEntries(SHEET), { name: 'xl/worksheets/sheet2.xml', data: Buffer.from(SHEET) }];
    const zip = zipFile(entries, { overlapWith: new Map([['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml']]) });
    await expect(inspect(zip)).rejects.toThrow(/overlaps another one/u);
  });

  it('refuses a zip that is not a workbook', async () => {
    await expect(inspect(zipFile([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).rejects.toThrow(/not an Excel workbook/u);
  });

  it('refuses a worksheet that declares a DTD', async () => {
    const sheet = '<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>';
    await expect(inspect(zipFile(workbookEntries(sheet)))).rejects.toThrow(/sheet1\.xml declares a document type/u);
  });

  it('refuses a file that is not a zip', async () => {
    await expect(inspect(Buffer.from('PK\u0003\u0004 not really'))).rejects.toThrow(/not a valid \.xlsx workbook/u);
  });
});
