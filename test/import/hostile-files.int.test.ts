import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryDir, TEST_DATABASES } from '../support/test-databases';
import { openImportHarness, type ImportHarness } from './support/import-harness';
import { workbookEntries, zipFile } from './support/zip-writer';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<contacts><contact><firstName>&lol9;</firstName><lastName>Laughs</lastName></contact></contacts>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE contacts [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<contacts><contact><firstName>&secret;</firstName><lastName>Leak</lastName></contact></contacts>`;

/** A hostile file is refused with a clear reason before anything is imported, and the process carries on. */
describe.each(TEST_DATABASES)('hostile files on $name', (database) => {
  const dir = temporaryDir('crm-hostile-');
  let imports: ImportHarness;
  beforeAll(async () => {
    imports = await openImportHarness(database);
  });
  afterAll(async () => {
    await imports.dispose();
    dir.remove();
  });

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir.path, name);
    writeFileSync(path, content);
    return path;
  };
  const nothingImported = async () => {
    expect(await imports.test.crm.db.selectFrom('contacts').select('id').execute()).toEqual([]);
    expect(await imports.test.crm.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  };

  it('refuses entity expansion (billion laughs) in XML', async () => {
    const job = await imports.importFile(file('lol.xml', BILLION_LAUGHS), { entity: 'CONTACT' });
    expect(job).toMatchObject({ status: 'FAILED', total_rows: null });
    expect(job.failure_reason).toMatch(/declares a document type.*no entity is ever expanded/u);
    await nothingImported();
  });

  it('refuses an external entity in XML', async () => {
    const job = await imports.importFile(file('xxe.xml', EXTERNAL_ENTITY), { entity: 'CONTACT' });
    expect(job.status).toBe('FAILED');
    expect(job.failure_reason).toMatch(/DTDs are refused/u);
    await nothingImported();
  });

  it('refuses a zip bomb posing as a workbook (an entry that inflates a thousand times its size)', async () => {
    const bomb = zipFile(workbookEntries(Buffer.alloc(50 * 1024 * 1024, 0x20)));
    const job = await imports.importFile(file('bomb.xlsx', bomb), { entity: 'ACCOUNT' });
    expect(job.status).toBe('FAILED');
    expect(job.failure_reason).toMatch(/xl\/worksheets\/sheet1\.xml inflates \d+ times its size .*zip bomb/u);
    await nothingImported();
  });

  it('refuses a workbook whose entry inflates beyond the size its zip directory declares', async () => {
    const entries = workbookEntries(`<worksheet>${'<sheetData/>'.repeat(20_000)}</worksheet>`).map((entry) =>
      entry.name.endsWith('sheet1.xml') ? { ...entry, declaredSize: 100 } : entry,
    );
    const job = await imports.importFile(file('liar.xlsx', zipFile(entries)), { entity: 'ACCOUNT' });
    expect(job.status).toBe('FAILED');
    expect(job.failure_reason).toMatch(/sheet1\.xml cannot be inflated as its directory says/u);
  });

  it('refuses a CSV with a 50 MB single cell', async () => {
    const job = await imports.importFile(file('huge-cell.csv', `First Name,Last Name\nAnna,"${'x'.repeat(50 * 1024 * 1024)}"\n`), {
      entity: 'CONTACT',
    });
    expect(job.status).toBe('FAILED');
    expect(job.failure_reason).toMatch(/^Line \d+: a cell is longer than 1048576 characters; the file is refused$/u);
    await nothingImported();
  });

  it('refuses a UTF-8 file with invalid bytes when no fallback encoding is set, saying where', async () => {
    const damaged = Buffer.concat([
      Buffer.from('First Name;Last Name\nZofia;Wójcik\nJan;Kowalski\n'),
      Buffer.from([0x41, 0xc3, 0x28, 0x0a]),
    ]);
    const job = await imports.importFile(file('damaged.csv', damaged), { entity: 'CONTACT' });
    expect(job.status).toBe('FAILED');
    expect(job.failure_reason).toMatch(/UTF-8 with invalid bytes \(first at line 4, byte \d+\).*set the encoding/u);
    await nothingImported();
  });

  it('reads that file in the fallback encoding when one is set', async () => {
    const damaged = Buffer.concat([Buffer.from('First Name;Last Name\nJan;Kowalski\n'), Buffer.from([0x41, 0xc3, 0x28, 0x3b, 0x42, 0x0a])]);
    const job = await imports.importFile(file('fallback.csv', damaged), { entity: 'CONTACT', encoding: 'windows-1250' });
    expect(job).toMatchObject({ status: 'COMPLETED', encoding: 'windows-1250', created_count: 2 });
  });

  it('keeps working after refusing hostile files: the next import runs', async () => {
    const job = await imports.importText('First Name,Last Name\nAnna,Nowak\n', { entity: 'CONTACT', fileName: 'after.csv' });
    expect(job).toMatchObject({ status: 'COMPLETED', created_count: 1 });
  });
});
