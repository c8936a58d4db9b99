import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CsvReader } from '../../../src/import/csv/csv.reader';
import { ImportFileError } from '../../../src/import/import-file.error';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/import/import.limits';
import { FIXTURES } from '../support/import-harness';
import { cellsOf, readAll, scratchFiles } from '../support/files';

describe('the CSV reader', () => {
  const files = scratchFiles('crm-csv-');
  afterAll(() => files.remove());
  const read = (path: string, encoding: ConstructorParameters<typeof CsvReader>[1] = 'utf-8') =>
    readAll(new CsvReader(path, encoding, DEFAULT_IMPORT_LIMITS));

  it('reads Outlook’s export: the byte order mark is not part of the first header, a quoted cell keeps its line break', async () => {
    const reader = new CsvReader(join(FIXTURES, 'outlook-contacts.csv'), 'utf-8', DEFAULT_IMPORT_LIMITS);
    const records = await readAll(reader);
    expect(reader.header[0]).toBe('Title');
    expect(reader.header).toHaveLength(92);
    expect(records.map((record) => record.row)).toEqual([2, 3, 4]);
    expect(cellsOf(records[0]).Notes).toBe('Met at the Poznań fair.\nPrefers calls before 10:00.');
  });

  it('reads a Windows-1250 file with semicolons and doubled quotes in the encoding it is given', async () => {
    const records = await read(join(FIXTURES, 'kontakty-cp1250.csv'), 'windows-1250');
    expect(cellsOf(records[1])).toMatchObject({ Imię: 'Małgorzata', Firma: 'Piekarnia "Pod Kłosem"' });
  });

  it('reads UTF-16LE with its byte order mark', async () => {
    const path = files.write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Imię\tNazwisko\nŻaneta\tŻak\n', 'utf16le')]), 'csv');
    expect(cellsOf((await read(path, 'utf-16le'))[0])).toEqual({ Imię: 'Żaneta', Nazwisko: 'Żak' });
  });

  it('numbers rows as a spreadsheet does and leaves blank rows out', async () => {
    const path = files.write('Name,City\nAnna,Łódź\n,\n\nJan,Kraków\n', 'csv');
    expect((await read(path)).map((record) => record.row)).toEqual([2, 5]);
  });

  it('names empty and repeated headers so every column has a name of its own', async () => {
    const reader = new CsvReader(files.write('Phone,,Phone\n1,2,3\n', 'csv'), 'utf-8', DEFAULT_IMPORT_LIMITS);
    await readAll(reader);
    expect(reader.header).toEqual(['Phone', 'Column 2', 'Phone (2)']);
  });

  it('refuses a file whose quoted cell is never closed, saying where', async () => {
    await expect(read(files.write('Name,Notes\nAnna,"open\nJan,x\n', 'csv'))).rejects.toThrow(/^Line \d+: a quoted cell is never closed/u);
  });

  it('refuses a file that is not valid in the encoding it is read in', async () => {
    await expect(read(files.write(iconv.encode('Imię\nŁukasz\n', 'windows-1250'), 'csv'))).rejects.toThrow(ImportFileError);
  });
});
