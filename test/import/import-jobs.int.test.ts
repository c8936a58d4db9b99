import { streamIds, type RecordedEvent } from '../../events';
import { ValidationError } from '../../src/domain/errors';
import { TEST_DATABASES } from '../support/test-databases';
import { openImportHarness, type ImportHarness } from './support/import-harness';

const CONTACTS_HEADER = 'First Name,Last Name,E-mail Address,Job Title,Company';

/** Every event of the log, in order. */
async function allEvents(imports: ImportHarness): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after = 0; ;) {
    const page = await imports.test.crm.store.readAll({ after, limit: 1000 });
    if (page.length === 0) return events;
    events.push(...page);
    after = page[page.length - 1]!.globalPosition;
  }
}

describe.each(TEST_DATABASES)('import jobs on $name', (database) => {
  let imports: ImportHarness;
  beforeEach(async () => {
    imports = await openImportHarness(database, { run: { batchSize: 2 } });
  });
  afterEach(async () => {
    await imports.dispose();
  });

  const db = () => imports.test.crm.db;
  const contacts = () => db().selectFrom('contacts').selectAll().orderBy('last_name_key').orderBy('created_at').execute();
  const accounts = () => db().selectFrom('accounts').selectAll().orderBy('name_key').execute();
  const importContacts = (lines: readonly string[], options: Parameters<ImportHarness['importText']>[1] = { entity: 'CONTACT' }) =>
    imports.importText([CONTACTS_HEADER, ...lines].join('\n'), options);

  describe('rows', () => {
    it('never lets a bad row stop the good ones', async () => {
      const job = await importContacts([
        'Anna,Nowak,anna@example.com,,',
        ',Bez Imienia,,,',
        'Piotr,Wiśniewski,not-an-e-mail,,',
        'Ewa,Lis,ewa@example.com,,',
      ]);
      expect(job).toMatchObject({ status: 'COMPLETED', total_rows: 4, processed_rows: 4, created_count: 2, error_count: 2 });
      expect((await contacts()).map((contact) => contact.last_name)).toEqual(['Lis', 'Nowak']);
      expect((await imports.errors(job.id)).map((error) => [error.row, error.column_name, error.field])).toEqual([
        [3, 'First Name', 'firstName'],
        [4, 'E-mail Address', 'email'],
      ]);
    });

    it('keeps the job and its counts through a rebuild of the read models', async () => {
      const job = await importContacts(['Anna,Nowak,anna@example.com,,', ',Bez Imienia,,,', 'Ewa,Lis,ewa@example.com,,']);
      const before = await db().selectFrom('import_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      expect(before).toMatchObject({ processed_rows: 3, created_count: 2, error_count: 1 });
      await imports.test.crm.rebuild();
      expect(await db().selectFrom('import_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual(before);
    });

    it('says what is wrong with a cell without quoting its value', async () => {
      const job = await importContacts(['Piotr,Wiśniewski,piotr.wisniewski@@poczta,,']);
      const [error] = await imports.errors(job.id);
      expect(error!.message).toBe('email: is not a valid e-mail address');
      expect(JSON.stringify(await imports.errors(job.id))).not.toContain('poczta');
    });

    it('imports through the same commands as the API, with source import, the job as correlation and the row as causation', async () => {
      const job = await importContacts(['Anna,Nowak,anna@example.com,Buyer,Nowak Trade'], {
        entity: 'CONTACT',
        createMissingAccounts: true,
      });
      const events = (await allEvents(imports)).filter((event) => event.metadata.correlationId === job.id);
      const created = events.find((event) => event.type === 'ContactCreated')!;
      expect(created.metadata).toMatchObject({ source: 'import', actorId: imports.test.userId, causationId: `${job.id}:2` });
      expect(events.find((event) => event.type === 'AccountCreated')!.metadata.causationId).toBe(`${job.id}:2:account`);
    });

    it('applies a mapping given by hand, and ignores the columns mapped to no field', async () => {
      const job = await imports.importText('Nazwa;Notatka;Miasto\nZakłady Mięsne;poufne;Łódź\n', {
        entity: 'ACCOUNT',
        mapping: [
          { column: 'Nazwa', field: 'name' },
          { column: 'Notatka', field: null },
        ],
      });
      expect(job).toMatchObject({ status: 'COMPLETED', created_count: 1 });
      expect(await accounts()).toEqual([expect.objectContaining({ name: 'Zakłady Mięsne', description: null, address_city: 'Łódź' })]);
      expect(JSON.parse(job.unmapped_columns)).toEqual(['Notatka']);
    });

    it('fails the job, naming the column, when the mapping names a column the file does not have', async () => {
      const job = await imports.importText('Name\nContoso\n', { entity: 'ACCOUNT', mapping: [{ column: 'Nazwa', field: 'name' }] });
      expect(job.status).toBe('FAILED');
      expect(job.failure_reason).toMatch(/names column "Nazwa" that the file does not have; its columns are: "Name"/u);
    });

    it('refuses to start an import whose mapping names a field the entity does not have', async () => {
      await expect(
        imports.service.start(imports.test.userId, {
          entity: 'ACCOUNT',
          content: 'Name\nX\n',
          mapping: [{ column: 'Name', field: 'salary' }],
        }),
      ).rejects.toThrow(ValidationError);
    });
  });

  describe('duplicates of existing contacts', () => {
    beforeEach(async () => {
      await imports.test
        .commands()
        .createContact({ firstName: 'Anna', lastName: 'Nowak', email: 'Anna.Nowak@example.com', jobTitle: 'Buyer' });
    });

    it('skips a row whose e-mail an existing contact has (case-insensitively), by default', async () => {
      const job = await importContacts(['Anna,Nowak-Kowalska,ANNA.NOWAK@example.com,Director,']);
      expect(job).toMatchObject({ created_count: 0, skipped_count: 1, processed_rows: 1 });
      expect(await contacts()).toEqual([expect.objectContaining({ last_name: 'Nowak', job_title: 'Buyer' })]);
    });

    it('updates the existing contact with the row’s non-empty values when asked', async () => {
      const job = await importContacts(['Anna,Nowak-Kowalska,anna.nowak@example.com,,'], { entity: 'CONTACT', duplicates: 'UPDATE' });
      expect(job).toMatchObject({ created_count: 0, updated_count: 1 });
      expect(await contacts()).toEqual([expect.objectContaining({ last_name: 'Nowak-Kowalska', job_title: 'Buyer' })]);
    });

    it('counts an update that changes nothing as skipped', async () => {
      const job = await importContacts(['Anna,Nowak,Anna.Nowak@example.com,Buyer,'], { entity: 'CONTACT', duplicates: 'UPDATE' });
      expect(job).toMatchObject({ updated_count: 0, skipped_count: 1 });
    });

    it('creates another contact anyway when asked', async () => {
      const job = await importContacts(['Anna,Nowak,anna.nowak@example.com,,'], { entity: 'CONTACT', duplicates: 'CREATE' });
      expect(job).toMatchObject({ created_count: 1 });
      expect(await contacts()).toHaveLength(2);
    });

    it('matches a row without e-mail by first and last name, accent- and case-insensitively, in the same account only', async () => {
      const account = await imports.test.commands().createAccount({ name: 'Sad' });
      await imports.test.commands().createContact({ firstName: 'Łucja', lastName: 'Żak', accountId: account.result.id });
      const job = await importContacts(['lucja,ZAK,,,Sad', 'Łucja,Żak,,,'], { entity: 'CONTACT' });
      expect(job).toMatchObject({ skipped_count: 1, created_count: 1 });
    });

    it('rejects an update that would move the contact to another account', async () => {
      const other = await imports.test.commands().createAccount({ name: 'Other' });
      const [anna] = await contacts();
      await imports.test.commands().associateContacts({ accountId: other.result.id, contactIds: [anna!.id] });
      await imports.test.commands().createAccount({ name: 'Sad' });
      const job = await importContacts(['Anna,Nowak,anna.nowak@example.com,,Sad'], { entity: 'CONTACT', duplicates: 'UPDATE' });
      expect(job.error_count).toBe(1);
      expect((await imports.errors(job.id))[0]!.message).toMatch(/belongs to another account/u);
    });

    it('links the matching contact to the account its row names when it has none', async () => {
      const sad = await imports.test.commands().createAccount({ name: 'Sad' });
      const job = await importContacts(['Anna,Nowak,anna.nowak@example.com,Buyer,Sad'], { entity: 'CONTACT', duplicates: 'UPDATE' });
      expect(job).toMatchObject({ updated_count: 1, skipped_count: 0 });
      expect((await contacts())[0]!.account_id).toBe(sad.result.id);
    });
  });

  describe('duplicates within the file', () => {
    const rows = ['Anna,Nowak,anna@example.com,Buyer,', 'Jan,Kowalski,jan@example.com,,', 'Anna,Nowak,ANNA@example.com,Director,'];

    it('skips a later row that repeats an earlier one, even in another batch', async () => {
      const job = await importContacts(rows);
      expect(job).toMatchObject({ created_count: 2, skipped_count: 1 });
      expect((await contacts()).map((contact) => [contact.last_name, contact.job_title])).toEqual([
        ['Kowalski', null],
        ['Nowak', 'Buyer'],
      ]);
    });

    it('updates the record the earlier row created when asked', async () => {
      const job = await importContacts(rows, { entity: 'CONTACT', duplicates: 'UPDATE' });
      expect(job).toMatchObject({ created_count: 2, updated_count: 1 });
      expect((await contacts()).map((contact) => [contact.last_name, contact.job_title])).toEqual([
        ['Kowalski', null],
        ['Nowak', 'Director'],
      ]);
    });

    it('orders duplicates in one batch: the second waits for the record the first creates', async () => {
      const job = await imports.importText(
        [CONTACTS_HEADER, 'Anna,Nowak,anna@example.com,Buyer,', 'Anna,Nowak,anna@example.com,Director,'].join('\n'),
        {
          entity: 'CONTACT',
          duplicates: 'UPDATE',
        },
      );
      expect(job).toMatchObject({ created_count: 1, updated_count: 1 });
      expect(await contacts()).toEqual([expect.objectContaining({ job_title: 'Director' })]);
    });

    it('creates every row when asked to create duplicates', async () => {
      const job = await importContacts(rows, { entity: 'CONTACT', duplicates: 'CREATE' });
      expect(job.created_count).toBe(3);
    });
  });

  describe('duplicates of accounts', () => {
    beforeEach(async () => {
      await imports.test.commands().createAccount({ name: 'Przędzalnia Łódź', accountNumber: 'ACC-7', industry: 'Textiles' });
    });

    it('matches by account number, case-insensitively, whatever the name', async () => {
      const job = await imports.importText('Account Name,Account Number,Industry\nPrzędzalnia Nowa,acc-7,Yarn\n', {
        entity: 'ACCOUNT',
        duplicates: 'UPDATE',
      });
      expect(job).toMatchObject({ updated_count: 1, created_count: 0 });
      expect(await accounts()).toEqual([expect.objectContaining({ name: 'Przędzalnia Nowa', industry: 'Yarn' })]);
    });

    it('matches a row without a number by its normalized name', async () => {
      const job = await imports.importText('Account Name,Industry\nPRZĘDZALNIA  lodz,Yarn\n', { entity: 'ACCOUNT' });
      expect(job).toMatchObject({ skipped_count: 1, created_count: 0 });
    });
  });

  describe('linking contacts to accounts', () => {
    it('links by account number', async () => {
      const account = await imports.test.commands().createAccount({ name: 'Contoso', accountNumber: 'C-1' });
      const job = await imports.importText('First Name,Last Name,Account Number\nAnna,Nowak,c-1\n', { entity: 'CONTACT' });
      expect(job.created_count).toBe(1);
      expect((await contacts())[0]!.account_id).toBe(account.result.id);
    });

    it('creates a missing account once for all the rows that name it', async () => {
      const lines = ['Anna,Nowak,,,Nowa Firma', 'Jan,Kowalski,,,NOWA FIRMA', 'Ewa,Lis,,,Nowa Firma', 'Ola,Wójcik,,,Nowa Firma'];
      const job = await importContacts(lines, { entity: 'CONTACT', createMissingAccounts: true });
      expect(job).toMatchObject({ created_count: 4, error_count: 0 });
      const [created] = await accounts();
      expect(await accounts()).toHaveLength(1);
      expect((await contacts()).every((contact) => contact.account_id === created!.id)).toBe(true);
    });

    it('rejects a row naming an inactive account', async () => {
      const account = await imports.test.commands().createAccount({ name: 'Zamknięta' });
      await imports.test.commands().deactivateAccount({ id: account.result.id });
      const job = await importContacts(['Anna,Nowak,,,Zamknięta']);
      expect(job.error_count).toBe(1);
      expect((await imports.errors(job.id))[0]).toMatchObject({
        column_name: 'Company',
        message: expect.stringMatching(/inactive/u) as unknown,
      });
    });

    it('rejects a row whose company name fits several active accounts', async () => {
      await imports.test.commands().createAccount({ name: 'Twins' });
      await imports.test.commands().createAccount({ name: 'twins' });
      const job = await importContacts(['Anna,Nowak,,,Twins']);
      expect((await imports.errors(job.id))[0]!.message).toMatch(/2 accounts fit it: give the account number instead/u);
    });
  });

  describe('dry runs', () => {
    it('writes no record, and reports what would happen', async () => {
      await imports.test.commands().createContact({ firstName: 'Anna', lastName: 'Nowak', email: 'anna@example.com' });
      const before = (await allEvents(imports)).length;
      const job = await importContacts(
        [
          'Anna,Nowak,anna@example.com,Director,',
          'Jan,Kowalski,jan@example.com,,Nowa Firma',
          'Jan,Kowalski,jan@example.com,,Nowa Firma',
          'Ewa,,,,',
        ],
        { entity: 'CONTACT', dryRun: true, duplicates: 'UPDATE', createMissingAccounts: true },
      );
      expect(job).toMatchObject({ status: 'COMPLETED', dry_run: 1, created_count: 1, updated_count: 2, error_count: 1, processed_rows: 4 });
      const written = (await allEvents(imports)).slice(before);
      expect(written.filter((event) => event.streamId !== streamIds.importJob(job.id))).toEqual([]);
      expect(await contacts()).toHaveLength(1);
      expect(await accounts()).toEqual([]);
    });
  });

  describe('interruptions', () => {
    const lines = Array.from({ length: 9 }, (_, index) => `Person${index},Number${index},p${index}@example.com,,`);

    it('marks a job interrupted by a crash FAILED on restart, with counts that match what it committed', async () => {
      imports = await reopenWithCrashAfter(imports, 2);
      const { jobId } = await imports.service.start(imports.test.userId, {
        entity: 'CONTACT',
        content: [CONTACTS_HEADER, ...lines].join('\n'),
      });
      await imports.service.completion(jobId);
      imports = await imports.restart({ run: { batchSize: 2 } });
      expect(await imports.service.failInterrupted()).toEqual([jobId]);
      await imports.test.crm.settle();
      const job = await imports.job(jobId);
      const created = (await allEvents(imports)).filter(
        (event) => event.type === 'ContactCreated' && event.metadata.correlationId === jobId,
      );
      expect(job).toMatchObject({ status: 'FAILED', created_count: created.length, processed_rows: created.length });
      expect(created.length).toBeGreaterThanOrEqual(4);
      expect(created.length).toBeLessThan(9);
      expect(job.failure_reason).toMatch(/interrupted/u);
    });

    it('runs an interrupted job again without importing any row twice', async () => {
      imports = await reopenWithCrashAfter(imports, 2);
      const { jobId } = await imports.service.start(imports.test.userId, {
        entity: 'CONTACT',
        duplicates: 'CREATE',
        content: [CONTACTS_HEADER, ...lines].join('\n'),
      });
      await imports.service.completion(jobId);
      imports = await imports.restart({ run: { batchSize: 2 } });
      await imports.service.failInterrupted();
      await imports.service.retry(imports.test.userId, jobId);
      await imports.service.completion(jobId);
      await imports.test.crm.settle();
      expect(await imports.job(jobId)).toMatchObject({ status: 'COMPLETED', created_count: 9, processed_rows: 9 });
      expect((await contacts()).map((contact) => contact.email)).toEqual(lines.map((_, index) => `p${index}@example.com`));
    });

    it('refuses to run again a job that has not failed', async () => {
      const job = await importContacts(['Anna,Nowak,,,']);
      await expect(imports.service.retry(imports.test.userId, job.id)).rejects.toThrow(/it is COMPLETED \(must be FAILED\)/u);
    });
  });
});

/** The harness reopened on the same database with a run that "crashes" (closes the CRM) after batch `batch`. */
async function reopenWithCrashAfter(imports: ImportHarness, batch: number): Promise<ImportHarness> {
  let current: ImportHarness = imports;
  current = await imports.restart({
    run: {
      batchSize: 2,
      afterBatch: async (number) => {
        if (number === batch) await current.test.crm.close();
      },
    },
  });
  return current;
}
