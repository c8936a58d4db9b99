import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import { ForbiddenError } from '../../src/domain/errors';
import { TEST_DATABASES } from '../support/test-databases';
import { openImportHarness, type ImportHarness } from './support/import-harness';

const HEADER = 'First Name,Last Name,E-mail Address';
const ROWS = Array.from({ length: 20 }, (_, index) => `Person${index},Number${index},p${index}@example.com`);

describe.each(TEST_DATABASES)('the import privilege on $name', (database) => {
  let imports: ImportHarness;
  afterEach(async () => {
    await imports.dispose();
  });

  const system = () => imports.test.crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' });

  it('refuses to queue an import for a user without it, keeping nothing of the content', async () => {
    imports = await openImportHarness(database);
    const sellerId = await system()
      .registerUser({ email: 'seller@example.com', name: 'Seller', roles: ['SALESPERSON'] })
      .then((outcome) => outcome.result.id);
    const start = imports.service.start(sellerId, { entity: 'CONTACT', content: `${HEADER}\n${ROWS[0]}\n` });
    await expect(start).rejects.toThrow(ForbiddenError);
    await expect(start).rejects.toThrow(/privilege: import/u);
    expect(await imports.uploads.sweep(0)).toBe(0);
  });

  // Rows already in flight (a batch or two) still land; nothing after them does.
  it('stops a running job at the next batch when its requester loses the privilege, and the system marks it FAILED', async () => {
    let demote: (() => Promise<void>) | null = null;
    imports = await openImportHarness(database, {
      run: { batchSize: 2, afterBatch: async (batch) => (batch === 1 ? demote?.() : undefined) },
    });
    const { userId } = imports.test;
    demote = async () => {
      const outcome = await system().changeUserRoles({ userId, roles: ['SALESPERSON'] });
      await imports.test.crm.readYourWrites(outcome.checkpoint);
    };
    const { jobId } = await imports.service.start(userId, { entity: 'CONTACT', content: [HEADER, ...ROWS].join('\n') });
    await imports.service.completion(jobId);
    await imports.test.crm.settle();
    const job = await imports.job(jobId);
    expect(job.status).toBe('FAILED');
    expect(Number(job.created_count)).toBeLessThan(ROWS.length);
    const [last] = (await imports.test.crm.store.readStream(streamIds.importJob(jobId))).slice(-1);
    expect(last).toMatchObject({ type: 'ImportJobFailed', metadata: { actorId: SYSTEM_ACTOR_ID } });
  });
});
