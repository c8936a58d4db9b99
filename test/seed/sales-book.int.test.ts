import { sql } from 'kysely';
import { SalesCommands } from '../../src/commands/sales-commands';
import { seedDemoBook } from '../../src/seed/demo-book';
import { seedSalesBook, type SalesBookSummary } from '../../src/seed/sales-book';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';
import { readingYourWrites } from '../support/test-sales';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(TEST_DATABASES)('the demo sales book on $name', (database) => {
  let t: TestCrm;
  let summary: SalesBookSummary;
  beforeAll(async () => {
    t = await openTestCrm(database);
    await seedDemoBook(t.commands(), { accounts: 40, contacts: 160, seed: 11 });
    summary = await seedSalesBook(
      readingYourWrites(t.crm, new SalesCommands(t.crm.handler, { actorId: t.userId, source: 'cli' })),
      t.crm.db,
      {
        seed: 11,
        activities: 400,
        now: NOW,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await t.dispose();
  });

  const rows = async <Row>(query: string) => (await sql<Row>`${sql.raw(query)}`.execute(t.crm.db)).rows;

  it('has opportunities in every status, as the summary says', async () => {
    const counts = await rows<{ status: string; count: number | string }>(
      'select status, count(*) as count from opportunities group by status',
    );
    const byStatus = Object.fromEntries(counts.map((row) => [row.status, Number(row.count)]));
    expect(byStatus).toEqual(summary.opportunities);
    expect(Object.values(summary.opportunities).every((count) => count > 0)).toBe(true);
  });

  it('has quotes and invoices with unique, gapless numbers and exact totals', async () => {
    const quotes = await rows<{ quote_number: string; total_amount: string }>(
      'select quote_number, total_amount from quotes order by quote_number',
    );
    const invoices = await rows<{ invoice_number: string }>('select invoice_number from invoices order by invoice_number');
    expect(quotes.length).toBe(summary.quotes);
    expect(invoices.length).toBe(summary.invoices);
    expect(quotes.map((row) => row.quote_number)).toEqual(quotes.map((_, i) => `QUO-${String(i + 1).padStart(5, '0')}`));
    expect(invoices.map((row) => row.invoice_number)).toEqual(invoices.map((_, i) => `INV-${String(i + 1).padStart(5, '0')}`));
    expect(quotes.every((row) => /^\d+\.\d{2}$/u.test(row.total_amount))).toBe(true);
    expect(summary.invoices).toBeGreaterThan(0);
  });

  it('logs the activities asked for over the last 90 days, of every type, incoming and outgoing', async () => {
    const activities = await rows<{ type: string; direction: string | null; occurred_at: string }>(
      'select type, direction, occurred_at from activities',
    );
    expect(activities).toHaveLength(400);
    expect(summary.activities).toBe(400);
    expect(new Set(activities.map((row) => row.type))).toEqual(new Set(['EMAIL', 'PHONE_CALL', 'APPOINTMENT', 'TASK']));
    expect(new Set(activities.map((row) => row.direction))).toEqual(new Set(['INCOMING', 'OUTGOING', null]));
    const times = activities.map((row) => Date.parse(row.occurred_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('threads e-mails: replies name the e-mail before them and answer it later', async () => {
    const replies = await rows<{ type: string; occurred_at: string; original_type: string; original_at: string }>(
      `select a.type, a.occurred_at, o.type as original_type, o.occurred_at as original_at
         from activities a join activities o on o.id = a.in_reply_to_activity_id`,
    );
    expect(replies.length).toBe(summary.replies);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect([reply.type, reply.original_type]).toEqual(['EMAIL', 'EMAIL']);
      expect(reply.occurred_at >= reply.original_at).toBe(true);
    }
  });

  it('has appointments with several participants, users and contacts', async () => {
    const appointments = await rows<{ users: number | string; contacts: number | string }>(
      `select count(p.user_id) as users, count(p.contact_id) as contacts
         from activities a join activity_participants p on p.activity_id = a.id
        where a.type = 'APPOINTMENT' group by a.id`,
    );
    expect(appointments.some((row) => Number(row.users) >= 1 && Number(row.contacts) >= 2)).toBe(true);
  });
});
