import { accountProjection } from '../../projections/account/account.projection';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { seedDemoBook } from '../../src/seed/demo-book';
import { dumpReadModels } from '../support/dump-read-models';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { Client } from 'pg';
import { POSTGRES_AVAILABLE, TEST_DATABASES, postgresDatabase } from '../support/test-databases';

describe.each(TEST_DATABASES)('projector on $name', (database) => {
  let t: TestCrm;
  beforeEach(async () => {
    t = await openTestCrm(database);
    await seedDemoBook(t.commands(), { accounts: 40, contacts: 120, seed: 7 });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('rebuilds read models identical to the ones kept inline', async () => {
    const inline = await dumpReadModels(t.crm);
    expect(inline.accounts!.length).toBe(40);
    await t.crm.rebuild();
    expect(await dumpReadModels(t.crm)).toEqual(inline);
  });

  it('loses nothing across a restart', async () => {
    const before = await dumpReadModels(t.crm);
    const head = await t.crm.store.headPosition();
    t = await t.reopen();
    expect(await t.crm.store.headPosition()).toBe(head);
    expect(await dumpReadModels(t.crm)).toEqual(before);
    expect(await t.crm.store.verify()).toMatchObject({ ok: true, eventsChecked: head });
  });

  it('rebuilds at start-up exactly the projections whose version changed', async () => {
    const before = await dumpReadModels(t.crm);
    await t.crm.close();
    await t.exec("UPDATE accounts SET name = 'damaged'; UPDATE contacts SET first_name = 'damaged'");
    const bumped = ALL_PROJECTIONS.map((projection) =>
      projection === accountProjection ? { ...projection, version: projection.version + 1 } : projection,
    );
    t = await t.reopen({ projections: bumped });
    const after = await dumpReadModels(t.crm);
    expect(after.accounts).toEqual(before.accounts);
    expect((after.contacts as { first_name: string }[]).every((row) => row.first_name === 'damaged')).toBe(true);
  });

  it('rebuilds only the projections named', async () => {
    const before = await dumpReadModels(t.crm);
    await t.exec("UPDATE accounts SET name = 'damaged'; UPDATE contacts SET first_name = 'damaged'");
    await expect(t.crm.rebuild(['nope'])).rejects.toThrow(/Unknown projection nope/u);
    await t.crm.rebuild(['accounts']);
    const after = await dumpReadModels(t.crm);
    expect(after.accounts).toEqual(before.accounts);
    expect((after.contacts as { first_name: string }[]).every((row) => row.first_name === 'damaged')).toBe(true);
  });
});

const describeOnPostgres = POSTGRES_AVAILABLE ? describe : describe.skip;

describeOnPostgres('projector rebuild on postgres beside an older open transaction', () => {
  it('replays what was committed before it started, waiting for an older transaction of another database to end', async () => {
    const t = await openTestCrm(postgresDatabase);
    // Any transaction of the cluster holds the snapshot's xmin back: events committed after it began are not yet
    // readable in catch-up order, though they are committed.
    const elsewhere = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await elsewhere.connect();
    try {
      await t.commands().createAccount({ name: 'Early' });
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      await t.crm.commands({ actorId: t.userId, source: 'api' }).createAccount({ name: 'Late' });
      const rebuilt = t.crm.rebuild();
      const released = new Promise((resolve) => setTimeout(resolve, 1000)).then(() => elsewhere.query('COMMIT'));
      await rebuilt;
      const names = await t.crm.db.selectFrom('accounts').select('name').orderBy('name').execute();
      await released;
      expect(names.map((row) => row.name)).toEqual(['Early', 'Late']);
    } finally {
      await elsewhere.end();
      await t.dispose();
    }
  });
});
