import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import {
  ACTIVITY_ORDERING,
  activitiesByIds,
  activitiesOf,
  countActivitiesOf,
  listActivitiesOf,
} from '../../projections/activity/activity.queries';
import { countInvoicesOfAccounts, invoicesOfAccounts } from '../../projections/invoice/invoice.queries';
import {
  OPPORTUNITY_ORDERING,
  countOpportunitiesOf,
  listOpportunitiesOf,
  opportunitiesOf,
} from '../../projections/opportunity/opportunity.queries';
import { encodeCursor } from '../../projections/pagination';
import { countQuotesOf, quotesOf } from '../../projections/quote/quote.queries';
import { PersonalDataService } from '../../src/personal-data/personal-data-service';
import { dumpReadModels } from '../support/dump-read-models';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';
import { salesCommands } from '../support/test-sales';

const SALES_TABLES = ['opportunities', 'quotes', 'invoices', 'activities', 'activity_participants'];

describe.each(TEST_DATABASES)('sales read models on $name', (database) => {
  let t: TestCrm;
  beforeEach(async () => {
    t = await openTestCrm(database);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const account = async (name: string) => (await t.commands().createAccount({ name })).result.id;
  const opportunity = async (accountId: string, topic: string) =>
    (await salesCommands(t).createOpportunity({ topic, accountId })).result.id;
  const activity = async (regardingAccountId: string, type: string, occurredAt: string) =>
    (await salesCommands(t).logActivity({ type, subject: `${type} ${occurredAt}`, occurredAt, regardingAccountId })).result.id;

  it('pages each account’s opportunities, newest first, for several accounts in one query', async () => {
    const [a, b, empty] = [await account('A'), await account('B'), await account('Empty')];
    const ofA = [];
    for (let i = 0; i < 3; i += 1) ofA.push(await opportunity(a, `A${i}`));
    const ofB = [await opportunity(b, 'B0')];
    const pages = await opportunitiesOf(t.crm.db, 'account_id', [a, b, empty], { status: null, first: 2 });
    expect(pages.get(a)!.rows.map((row) => row.id)).toEqual([ofA[2], ofA[1]]);
    expect(pages.get(a)!.hasNextPage).toBe(true);
    expect(pages.get(b)).toEqual({ rows: [expect.objectContaining({ id: ofB[0] })], hasNextPage: false });
    expect(pages.get(empty)).toEqual({ rows: [], hasNextPage: false });
    const counts = await countOpportunitiesOf(t.crm.db, 'account_id', [a, b, empty], { status: null });
    expect([...counts]).toEqual([
      [a, 3],
      [b, 1],
      [empty, 0],
    ]);
  });

  it('filters an account’s opportunities by status, in the page and in the count', async () => {
    const a = await account('A');
    const won = await opportunity(a, 'Won');
    await opportunity(a, 'Open');
    await salesCommands(t).closeOpportunity({ id: won, status: 'WON' });
    const pages = await opportunitiesOf(t.crm.db, 'account_id', [a], { status: 'WON', first: 10 });
    expect(pages.get(a)!.rows.map((row) => row.id)).toEqual([won]);
    expect((await countOpportunitiesOf(t.crm.db, 'account_id', [a], { status: 'OPEN' })).get(a)).toBe(1);
  });

  it('pages through one account’s opportunities with cursors: every one exactly once, in the first page’s order', async () => {
    const a = await account('A');
    for (let i = 0; i < 7; i += 1) await opportunity(a, `O${i}`);
    const all = (await opportunitiesOf(t.crm.db, 'account_id', [a], { status: null, first: 100 })).get(a)!.rows.map((row) => row.id);
    const first = (await opportunitiesOf(t.crm.db, 'account_id', [a], { status: null, first: 3 })).get(a)!;
    const seen = first.rows.map((row) => row.id);
    let page = first;
    while (page.hasNextPage) {
      const after = encodeCursor(OPPORTUNITY_ORDERING, page.rows[page.rows.length - 1]!);
      page = await listOpportunitiesOf(t.crm.db, 'account_id', a, { status: null, first: 3, after });
      seen.push(...page.rows.map((row) => row.id));
    }
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(7);
  });

  it('lists activities latest first by when they happened, filtered by type, with cursors', async () => {
    const a = await account('A');
    const call = await activity(a, 'PHONE_CALL', '2026-03-03T10:00:00Z');
    const older = await activity(a, 'EMAIL', '2026-03-01T10:00:00Z');
    const newer = await activity(a, 'EMAIL', '2026-03-05T10:00:00Z');
    const all = (await activitiesOf(t.crm.db, 'regarding_account_id', [a], { type: null, first: 10 })).get(a)!;
    expect(all.rows.map((row) => row.id)).toEqual([newer, call, older]);
    const emails = (await activitiesOf(t.crm.db, 'regarding_account_id', [a], { type: 'EMAIL', first: 1 })).get(a)!;
    expect(emails).toMatchObject({ rows: [{ id: newer }], hasNextPage: true });
    const next = await listActivitiesOf(t.crm.db, 'regarding_account_id', a, {
      type: 'EMAIL',
      first: 1,
      after: encodeCursor(ACTIVITY_ORDERING, emails.rows[0]!),
    });
    expect(next).toMatchObject({ rows: [{ id: older }], hasNextPage: false });
    expect((await countActivitiesOf(t.crm.db, 'regarding_account_id', [a], { type: 'EMAIL' })).get(a)).toBe(2);
  });

  it('lists an opportunity’s and an account’s quotes, and an account’s invoices', async () => {
    const a = await account('A');
    const o = await opportunity(a, 'O');
    const q1 = (await salesCommands(t).createQuoteFromOpportunity({ opportunityId: o, totalAmount: '1' })).result.id;
    const q2 = (await salesCommands(t).createQuoteFromOpportunity({ opportunityId: o, totalAmount: '2' })).result.id;
    const i1 = (await salesCommands(t).createInvoice({ name: 'I', quoteId: q1, totalAmount: '1' })).result.id;
    expect((await quotesOf(t.crm.db, 'opportunity_id', [o], 10)).get(o)!.rows.map((row) => row.id)).toEqual([q2, q1]);
    expect((await quotesOf(t.crm.db, 'account_id', [a], 10)).get(a)!.rows.map((row) => row.quote_number)).toEqual([
      'QUO-00002',
      'QUO-00001',
    ]);
    expect((await countQuotesOf(t.crm.db, 'account_id', [a])).get(a)).toBe(2);
    expect((await invoicesOfAccounts(t.crm.db, [a], 10)).get(a)!.rows.map((row) => row.id)).toEqual([i1]);
    expect((await countInvoicesOfAccounts(t.crm.db, [a])).get(a)).toBe(1);
  });

  it('rebuilds the sales read models to the same rows', async () => {
    const a = await account('A');
    const contactId = (await t.commands().createContact({ firstName: 'Ewa', lastName: 'Nowak', accountId: a })).result.id;
    const o = await opportunity(a, 'O');
    const q = (await salesCommands(t).createQuoteFromOpportunity({ opportunityId: o, totalAmount: '10.10' })).result.id;
    await salesCommands(t).closeOpportunity({ id: o, status: 'WON' });
    await salesCommands(t).createInvoice({ name: 'I', quoteId: q, totalAmount: '10.10', dueDate: '2026-04-01T00:00:00Z' });
    const first = await salesCommands(t).logActivity({
      type: 'APPOINTMENT',
      subject: 'Meeting',
      occurredAt: '2026-03-01T10:00:00Z',
      regardingContactId: contactId,
      participants: [{ userId: t.userId }, { contactId }],
    });
    await t.commands().assignOwner({ recordType: 'ACTIVITY', id: first.result.id, ownerId: t.userId });
    const before = await dumpReadModels(t.crm, SALES_TABLES);
    await t.crm.rebuild();
    expect(await dumpReadModels(t.crm, SALES_TABLES)).toEqual(before);
    expect(before.activity_participants).toHaveLength(2);
  });

  describe('an activity regarding a contact whose data is erased', () => {
    const SUBJECT = 'Lunch with Ewa Unforgettable-4412';
    const DESCRIPTION = 'Ewa mentioned her move to Zakopane-4412';

    async function erasable() {
      const admin = (
        await t
          .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
          .registerUser({ email: 'dpo@example.com', name: 'Data Officer', roles: ['ADMINISTRATOR'] })
      ).result.id;
      const contactId = (await t.commands().createContact({ firstName: 'Ewa', lastName: 'Unforgettable' })).result.id;
      const regarding = await salesCommands(t).logActivity({
        type: 'APPOINTMENT',
        subject: SUBJECT,
        description: DESCRIPTION,
        occurredAt: '2026-03-01T12:00:00Z',
        regardingContactId: contactId,
      });
      const unrelated = await salesCommands(t).logActivity({
        type: 'TASK',
        subject: 'Order paper-4412',
        occurredAt: '2026-03-01T12:00:00Z',
      });
      const erase = () =>
        new PersonalDataService(t.crm).eraseContact({ actorId: admin, source: 'api' }, { contactId, reason: 'Asked in writing' });
      return { regarding: regarding.result.id, unrelated: unrelated.result.id, erase };
    }

    it('stores its subject and description encrypted: no event holds them in plaintext', async () => {
      const { regarding } = await erasable();
      const stored = await sql<{ data: string }>`select data from events where type = 'ActivityLogged'`.execute(t.crm.db);
      for (const row of stored.rows) {
        expect(row.data).not.toContain('Unforgettable-4412');
        expect(row.data).not.toContain('Zakopane-4412');
      }
      const [event] = await t.crm.store.readStream(streamIds.activity(regarding));
      expect(event).toMatchObject({ data: { subject: SUBJECT, description: DESCRIPTION } });
    });

    it('blanks them in the read model and the history, and leaves other activities alone', async () => {
      const { regarding, unrelated, erase } = await erasable();
      await erase();
      const rows = await activitiesByIds(t.crm.db, [regarding, unrelated]);
      expect(rows.find((row) => row.id === regarding)).toMatchObject({ subject: '[erased]', description: null, type: 'APPOINTMENT' });
      expect(rows.find((row) => row.id === unrelated)).toMatchObject({ subject: 'Order paper-4412' });
      const [event] = await t.crm.store.readStream(streamIds.activity(regarding));
      expect(event).toMatchObject({ data: { subject: '[erased]', description: null } });
      expect(event!.erasedFields).toEqual(expect.arrayContaining(['subject', 'description']));
    });

    it('leaves nothing of them in the database files or tables, and a rebuild keeps them erased', async () => {
      const { erase } = await erasable();
      await erase();
      expect(await textFound(t, ['Unforgettable-4412', 'Zakopane-4412'])).toEqual([]);
      const before = await dumpReadModels(t.crm, SALES_TABLES);
      await t.crm.rebuild();
      expect(await dumpReadModels(t.crm, SALES_TABLES)).toEqual(before);
    });
  });
});

/** Which of the texts can still be found in the stored data (the files on SQLite, every table's text on PostgreSQL). */
async function textFound(t: TestCrm, texts: readonly string[]): Promise<string[]> {
  if (t.path) {
    const files = readdirSync(dirname(t.path)).filter((file) => file.startsWith(basename(t.path!)));
    const bytes = Buffer.concat(files.map((file) => readFileSync(join(dirname(t.path!), file))));
    return texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
  }
  const client = new Client({ connectionString: t.url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    let all = '';
    for (const { name } of tables.rows)
      all += (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)).rows.map((r) => r.row).join('\n');
    return texts.filter((text) => all.includes(text));
  } finally {
    await client.end();
  }
}
