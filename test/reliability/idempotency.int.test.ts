import { openCrm, type Crm } from '../../src/app/open-crm';
import { compareCheckpoints } from '../../src/event-store/event-store';
import { TEST_DATABASES } from '../support/test-databases';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATA_KEY } from '../support/test-secrets';

describe.each(TEST_DATABASES)('an idempotent retry handled by another process on $name', (database) => {
  let first: TestCrm;
  let other: Crm;
  beforeAll(async () => {
    first = await openTestCrm(database);
    // A second process on the same database, as behind a load balancer.
    other = await openCrm({ databaseUrl: first.url, dataKey: TEST_DATA_KEY });
  });
  afterAll(async () => {
    await other.close();
    await first.dispose();
  });

  // Regression: a replay answered with the start checkpoint, so the process that replayed did not wait for
  // its read models and the API failed with "missing from the read model after the change" (PostgreSQL).
  it('answers the replay with a checkpoint that includes the first execution, so its read models show the change', async () => {
    const request = { name: 'Answered twice', idempotencyKey: 'retry-elsewhere' };
    const original = await first.crm.commands({ actorId: first.userId, source: 'api', idempotencyKey: null }).createAccount(request);

    const replay = await other.commands({ actorId: first.userId, source: 'api' }).createAccount(request);

    expect(replay).toMatchObject({ replayed: true, result: original.result, position: original.position });
    expect(compareCheckpoints(replay.checkpoint, original.checkpoint)).toBeGreaterThanOrEqual(0);
    await other.readYourWrites(replay.checkpoint);
    const row = await other.db.selectFrom('accounts').select('name').where('id', '=', original.result.id).executeTakeFirst();
    expect(row).toEqual({ name: 'Answered twice' });
  });
});
