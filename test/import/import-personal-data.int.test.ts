import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import { TEST_DATABASES } from '../support/test-databases';
import { openImportHarness, type ImportHarness } from './support/import-harness';

const HEADER = 'First Name,Last Name,E-mail Address,Mobile Phone';

/** Everything an import job keeps about itself: its read-model rows and its own stream's events (decrypted). */
async function whatTheJobKeeps(imports: ImportHarness, jobId: string): Promise<string> {
  const job = await imports.job(jobId);
  const errors = await imports.errors(jobId);
  const events = await imports.test.crm.store.readStream(streamIds.importJob(jobId));
  return JSON.stringify({ job, errors, events: events.map((event) => event.data) });
}

describe.each(TEST_DATABASES)('import jobs and personal data on $name', (database) => {
  let imports: ImportHarness;
  beforeEach(async () => {
    imports = await openImportHarness(database);
  });
  afterEach(async () => {
    await imports.dispose();
  });

  const erase = async (contactId: string) => {
    const system = imports.test.crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' });
    const outcome = await system.eraseContactPersonalData({ contactId, reason: 'asked to be forgotten' });
    await imports.test.crm.readYourWrites(outcome.checkpoint);
  };

  it('keeps no value of a row in the job: a rejected update of a contact names the column and the problem only', async () => {
    const { result } = await imports.test.commands().createContact({ firstName: 'Zofia', lastName: 'Wójcik', email: 'zofia@example.com' });
    const job = await imports.importText(`${HEADER}\nZofia,Wójcik,zofia@example.com,call Zofia after 5\n`, {
      entity: 'CONTACT',
      duplicates: 'UPDATE',
    });
    expect(job).toMatchObject({ status: 'COMPLETED', error_count: 1 });
    const [error] = await imports.errors(job.id);
    expect(error).toMatchObject({ row: 2, column_name: 'Mobile Phone', field: 'mobilePhone' });
    await erase(result.id);
    const kept = await whatTheJobKeeps(imports, job.id);
    for (const value of ['Zofia', 'Wójcik', 'zofia@example.com', 'call Zofia after 5']) expect(kept).not.toContain(value);
  });

  it('counts a contact it created the same after the person is erased, and the contact reads as erased', async () => {
    const job = await imports.importText(`${HEADER}\nMarcus,O'Neill,marcus@example.com,+44 20 7946 0018\n`, { entity: 'CONTACT' });
    expect(job).toMatchObject({ status: 'COMPLETED', created_count: 1 });
    const contact = await imports.test.crm.db.selectFrom('contacts').selectAll().executeTakeFirstOrThrow();
    await erase(contact.id);
    expect(await imports.job(job.id)).toMatchObject({ status: 'COMPLETED', created_count: 1, error_count: 0 });
    const erased = await imports.test.crm.db.selectFrom('contacts').selectAll().where('id', '=', contact.id).executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ first_name: '', email: null, mobile_phone: null });
    const kept = await whatTheJobKeeps(imports, job.id);
    for (const value of ['Marcus', "O'Neill", 'marcus@example.com', '7946']) expect(kept).not.toContain(value);
  });
});
