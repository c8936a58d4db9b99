import type { AccountRow } from '../../projections/account/account.queries';
import type { ContactRow } from '../../projections/contact/contact.queries';
import { TEST_DATABASES } from '../support/test-databases';
import { openImportHarness, type ImportHarness } from './support/import-harness';

/** The sample files of shared/data (test/fixtures/import, described in SAMPLES.md) give the outcomes listed there. */
describe.each(TEST_DATABASES)('importing the sample files on $name', (database) => {
  let imports: ImportHarness;
  beforeEach(async () => {
    imports = await openImportHarness(database);
  });
  afterEach(async () => {
    await imports.dispose();
  });

  const contacts = () => imports.test.crm.db.selectFrom('contacts').selectAll().orderBy('last_name_key').execute();
  const accounts = () => imports.test.crm.db.selectFrom('accounts').selectAll().orderBy('name_key').execute();
  const contactNamed = async (lastName: string): Promise<ContactRow> => {
    const found = (await contacts()).find((contact) => contact.last_name === lastName);
    if (!found) throw new Error(`No contact ${lastName}`);
    return found;
  };
  const accountOf = async (contact: ContactRow): Promise<AccountRow | undefined> =>
    (await accounts()).find((account) => account.id === contact.account_id);

  describe('outlook-contacts.csv (Outlook export, UTF-8 with BOM, 92 columns, CRLF, a multi-line note)', () => {
    it('imports 3 contacts, linking two to the accounts their Company names, created when so chosen', async () => {
      const job = await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect(job).toMatchObject({ status: 'COMPLETED', format: 'OUTLOOK_CSV', total_rows: 3, created_count: 3, error_count: 0 });
      expect((await contacts()).map((contact) => contact.full_name)).toEqual([
        'Marcus O’Neill'.replace('’', "'"),
        'Aiko Tanaka',
        'Zofia Wójcik',
      ]);
      expect((await accountOf(await contactNamed('Wójcik')))?.name).toBe('Północna Stal S.A.');
      expect((await accountOf(await contactNamed("O'Neill")))?.name).toBe('Harbor Freight Lines');
      expect((await contactNamed('Tanaka')).account_id).toBeNull();
    });

    it('links to accounts that exist, found by their name, without creating any', async () => {
      const existing = await imports.test.commands().createAccount({ name: 'PÓŁNOCNA STAL S.A.' });
      await imports.test.commands().createAccount({ name: 'Harbor Freight Lines' });
      const job = await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT' });
      expect(job).toMatchObject({ created_count: 3, error_count: 0 });
      expect((await contactNamed('Wójcik')).account_id).toBe(existing.result.id);
      expect(await accounts()).toHaveLength(2);
    });

    it('maps phones, e-mail, the business address and the notes', async () => {
      await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect(await contactNamed('Wójcik')).toMatchObject({
        first_name: 'Zofia',
        job_title: 'Dyrektor zakupów',
        email: 'zofia.wojcik@polnocnastal.example',
        phone: '+48 58 555 01 20',
        mobile_phone: '+48 601 200 300',
        address_line1: 'ul. Hutnicza 12',
        address_city: 'Gdańsk',
        address_postal_code: '80-871',
        address_country: 'Polska',
        description: 'Met at the Poznań fair.\nPrefers calls before 10:00.',
      });
      expect(await contactNamed("O'Neill")).toMatchObject({
        phone: '+31 10 555 7788',
        address_city: 'Rotterdam',
        address_country: 'Netherlands',
      });
    });

    it('takes the home address of a contact who has no business address', async () => {
      await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect(await contactNamed('Tanaka')).toMatchObject({ email: 'aiko.tanaka@example.jp', address_city: 'Osaka' });
    });

    it('reports the column that holds values no field takes', async () => {
      const job = await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect(JSON.parse(job.unmapped_columns)).toEqual(['E-mail Type']);
    });

    it('rejects, with the reason, a contact whose company is no account when creating accounts was not chosen', async () => {
      const job = await imports.importFile('outlook-contacts.csv', { entity: 'CONTACT' });
      expect(job).toMatchObject({ status: 'COMPLETED', created_count: 1, error_count: 2 });
      expect(await imports.errors(job.id)).toEqual([
        expect.objectContaining({
          row: 2,
          column_name: 'Company',
          message: expect.stringContaining('no account has this name') as unknown,
        }),
        expect.objectContaining({ row: 3, column_name: 'Company' }),
      ]);
    });
  });

  describe('kontakty-cp1250.csv (Polish Excel CSV: Windows-1250, semicolons, Polish headers)', () => {
    it('imports 3 contacts with correct Polish letters, reading the file as Windows-1250', async () => {
      const job = await imports.importFile('kontakty-cp1250.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect(job).toMatchObject({ status: 'COMPLETED', format: 'CSV', encoding: 'windows-1250', created_count: 3, error_count: 0 });
      expect((await contacts()).map((contact) => contact.full_name)).toEqual(['Jan Kowalski', 'Małgorzata Śliwińska', 'Łukasz Żółkiewski']);
      expect(await contactNamed('Żółkiewski')).toMatchObject({
        job_title: 'Prezes zarządu',
        address_city: 'Łódź',
        phone: '+48 42 600 10 10',
      });
    });

    it('reads a quoted company name with doubled quotes', async () => {
      await imports.importFile('kontakty-cp1250.csv', { entity: 'CONTACT', createMissingAccounts: true });
      expect((await accountOf(await contactNamed('Śliwińska')))?.name).toBe('Piekarnia "Pod Kłosem"');
    });
  });

  describe('accounts-spreadsheet2003.xml (XML Spreadsheet 2003, a sparse row with ss:Index, &amp; in a name)', () => {
    it('puts a cell where its ss:Index says: Fabrikam & Sons has its website in the right column and no phone', async () => {
      await imports.importFile('accounts-spreadsheet2003.xml', { entity: 'ACCOUNT' });
      expect((await accounts()).find((account) => account.account_number === 'ACC-1002')).toMatchObject({
        name: 'Fabrikam & Sons',
        phone: null,
        website: 'https://fabrikam.example',
        address_city: 'Zürich',
        number_of_employees: 85,
      });
    });

    it('imports the 3 accounts of the file as Excel saves it (each skipped cell named by ss:Index)', async () => {
      const job = await imports.importFile('accounts-spreadsheet2003.as-excel-saves.xml', { entity: 'ACCOUNT' });
      expect(job).toMatchObject({ status: 'COMPLETED', format: 'XML_SPREADSHEET', created_count: 3, error_count: 0 });
      expect((await accounts()).find((account) => account.account_number === 'ACC-1003')).toMatchObject({
        name: 'Północna Stal S.A.',
        website: null,
        address_city: 'Gdańsk',
        number_of_employees: 430,
        annual_revenue: '51000000.00',
      });
    });

    it('reads a row that leaves a cell out without ss:Index as the format says: its cells shift left, and the row is rejected', async () => {
      // The sample's Północna Stal row has 7 cells for 8 columns and no ss:Index: "Gdańsk" stands in the Website column.
      const job = await imports.importFile('accounts-spreadsheet2003.xml', { entity: 'ACCOUNT' });
      expect(job).toMatchObject({ created_count: 2, error_count: 1 });
      expect((await imports.errors(job.id)).map((error) => [error.row, error.column_name])).toEqual([
        [4, 'Website'],
        [4, 'Number of Employees'],
      ]);
    });
  });

  describe('contacts.vcf (a vCard 2.1 with QUOTED-PRINTABLE UTF-8 and a soft line break, then a vCard 3.0)', () => {
    it('imports 2 contacts with the company, city and two-line note of the first', async () => {
      const job = await imports.importFile('contacts.vcf', { entity: 'CONTACT', createMissingAccounts: true });
      expect(job).toMatchObject({ status: 'COMPLETED', format: 'VCARD', created_count: 2, error_count: 0 });
      const katarzyna = await contactNamed('Wiśniewska');
      expect(katarzyna).toMatchObject({
        first_name: 'Katarzyna',
        job_title: 'Kierownik',
        email: 'k.wisniewska@sad.example',
        phone: '+48 81 555 12 12',
        address_line1: 'ul. Sadowa 3',
        address_city: 'Lublin',
        address_postal_code: '20-001',
      });
      expect(katarzyna.description).toMatch(/^Pierwsza linia\nDruga linia, bardzo długa notatka$/u);
      expect((await accountOf(katarzyna))?.name).toBe('Przetwórnia Owoców Sad');
      expect(await contactNamed('Smith')).toMatchObject({
        first_name: 'Jordan',
        email: 'jordan@northwind.example',
        mobile_phone: '+44 7700 900123',
      });
    });
  });

  describe('accounts.xlsx (an Excel workbook, sheet "Accounts")', () => {
    it('imports 3 accounts and loses nothing else', async () => {
      const job = await imports.importFile('accounts.xlsx', { entity: 'ACCOUNT' });
      expect(job).toMatchObject({ status: 'COMPLETED', format: 'XLSX', total_rows: 4, created_count: 3, error_count: 1 });
      expect(
        (await accounts()).map((account) => [
          account.name,
          account.email,
          account.industry,
          account.number_of_employees,
          account.annual_revenue,
        ]),
      ).toEqual([
        ['Adventure Works Cycles', 'info@adventure-works.example', 'Manufacturing', 310, '12500000.00'],
        ['Łąkowa Spółdzielnia', 'biuro@lakowa.example', 'Agriculture', 18, '2100000.25'],
        ['Wide World Importers', null, 'Wholesale', 45, null],
      ]);
      expect(JSON.parse(job.unmapped_columns)).toEqual([]);
    });

    it('rejects row 4 with an error naming both problems: no name, and employees that are not a number', async () => {
      const job = await imports.importFile('accounts.xlsx', { entity: 'ACCOUNT' });
      expect((await imports.errors(job.id)).map((error) => [error.row, error.column_name, error.message])).toEqual([
        [4, 'Number of Employees', 'numberOfEmployees: must be a whole number'],
        [4, 'Account Name', 'name: is required and cannot be blank'],
      ]);
    });
  });
});
