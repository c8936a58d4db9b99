import { SYSTEM_ACTOR_ID } from '../../events';
import { DEFAULT_HEALTH_SETTINGS, healthOf, type HealthSettings } from '../../projections/relationship/health-score';
import { dayNumberOf } from '../../projections/relationship/activity-figures';
import { encodeHealthCursor, listAccountsByHealth, relationshipFiguresOf } from '../../projections/relationship/relationship.queries';
import { accountKpis, formatKpis } from '../../src/cli/kpis.command';
import type { LogActivityRequest } from '../../src/commands/sales-commands';
import { PersonalDataService } from '../../src/personal-data/personal-data-service';
import { dumpReadModels } from '../support/dump-read-models';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';
import { salesCommands } from '../support/test-sales';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const DAY = 86_400_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const RELATIONSHIP_TABLES = [
  'relationship_days',
  'relationship_touches',
  'relationship_activities',
  'relationship_contact_accounts',
  'relationship_connections',
  'relationship_opt_outs',
];

describe.each(TEST_DATABASES)('relationship analytics on $name', (database) => {
  let t: TestCrm;
  let olek: string;
  let contoso: string;
  let jan: string;
  let eva: string;

  const log = async (request: Omit<LogActivityRequest, 'subject'>) =>
    (await salesCommands(t).logActivity({ subject: 'x', ...request })).result.id;
  const figures = async (type: 'account' | 'contact', id: string, now = NOW, settings: HealthSettings = DEFAULT_HEALTH_SETTINGS) =>
    (await relationshipFiguresOf(t.crm.db, type, [id], now, settings)).get(id)!;
  const health = async (type: 'account' | 'contact', id: string, now = NOW) => healthOf((await figures(type, id, now)).health);

  /**
   * The known history: Jan works at Contoso, Eva at no account. An e-mail thread with Jan on 30 March (ours at
   * 09:00, theirs at 11:00, ours at 11:30), their call to Contoso on 20 March (15 min), an appointment on 10 March
   * (60 min, two users and both contacts), and ahead: an appointment with Jan on 2 April, a task on 5 April.
   */
  beforeAll(async () => {
    t = await openTestCrm(database);
    olek = await t.addUser('olek@example.com', 'Olek');
    contoso = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    jan = (await t.commands().createContact({ firstName: 'Jan', lastName: 'Kowalski', accountId: contoso })).result.id;
    eva = (await t.commands().createContact({ firstName: 'Eva', lastName: 'Nowak' })).result.id;
    const ours = await log({
      type: 'EMAIL',
      direction: 'OUTGOING',
      occurredAt: '2026-03-30T09:00:00Z',
      regardingContactId: jan,
      participants: [{ userId: t.userId }, { contactId: jan }],
    });
    const theirs = await log({
      type: 'EMAIL',
      direction: 'INCOMING',
      occurredAt: '2026-03-30T11:00:00Z',
      regardingContactId: jan,
      participants: [{ contactId: jan }, { userId: t.userId }],
      inReplyToActivityId: ours,
    });
    await log({
      type: 'EMAIL',
      direction: 'OUTGOING',
      occurredAt: '2026-03-30T11:30:00Z',
      regardingContactId: jan,
      inReplyToActivityId: theirs,
    });
    await log({
      type: 'PHONE_CALL',
      direction: 'INCOMING',
      occurredAt: '2026-03-20T10:00:00Z',
      durationMinutes: 15,
      regardingAccountId: contoso,
    });
    await log({
      type: 'APPOINTMENT',
      occurredAt: '2026-03-10T14:00:00Z',
      durationMinutes: 60,
      regardingAccountId: contoso,
      participants: [{ userId: t.userId }, { userId: olek }, { contactId: jan }, { contactId: eva }],
    });
    await log({ type: 'APPOINTMENT', occurredAt: '2026-04-02T10:00:00Z', durationMinutes: 30, regardingContactId: jan });
    await log({ type: 'TASK', occurredAt: '2026-04-05T09:00:00Z', regardingContactId: jan });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('counts an account’s e-mails, calls and appointments up to today, its contacts’ included', async () => {
    expect(await figures('account', contoso)).toMatchObject({
      emailsSent: 2,
      emailsReceived: 1,
      phoneCallsMade: 0,
      phoneCallsReceived: 1,
      // The appointment of 2 April is still ahead.
      appointments: 1,
    });
  });

  it('counts time spent: e-mails 5 to write and 2.5 to read, calls their duration, appointments duration × attendees', async () => {
    const account = await figures('account', contoso);
    expect(account.timeSpentByUsMinutes).toBe(5 + 2.5 + 5 + 15 + 60 * 2);
    expect(account.timeSpentByThemMinutes).toBe(2.5 + 5 + 2.5 + 15 + 60 * 2);
    const contact = await figures('contact', jan);
    expect(contact.timeSpentByUsMinutes).toBe(5 + 2.5 + 5 + 60 * 2);
    expect(await figures('contact', eva)).toMatchObject({
      appointments: 1,
      emailsSent: 0,
      timeSpentByUsMinutes: 120,
      timeSpentByThemMinutes: 120,
    });
  });

  it('averages response times from reply pairs: their reply after 120 minutes, ours after 30', async () => {
    expect(await figures('contact', jan)).toMatchObject({ averageResponseMinutesByThem: 120, averageResponseMinutesByUs: 30 });
    expect(await figures('contact', eva)).toMatchObject({ averageResponseMinutesByThem: null, averageResponseMinutesByUs: null });
  });

  it('gives the last contact by each side up to now and the next appointment or task after now', async () => {
    expect(await figures('account', contoso)).toMatchObject({
      lastContactedByUs: '2026-03-30T11:30:00.000Z',
      lastContactedByThem: '2026-03-30T11:00:00.000Z',
      nextInteraction: '2026-04-02T10:00:00.000Z',
    });
    // Three days on, the appointment has happened and the task is next.
    expect(await figures('contact', jan, new Date('2026-04-03T00:00:00Z'))).toMatchObject({
      lastContactedByUs: '2026-04-02T10:00:00.000Z',
      nextInteraction: '2026-04-05T09:00:00.000Z',
      appointments: 2,
    });
  });

  it('scores the account as documented: activity, recency and two-way points', async () => {
    const { weights } = DEFAULT_HEALTH_SETTINGS;
    // Weighted points by age in days: 3 e-mails 1 day ago, a call 11 days ago, an appointment 21 days ago.
    const engagement = ((90 - 1) * 3 * weights.email + (90 - 11) * weights.phoneCall + (90 - 21) * weights.appointment) / 90;
    const target = (8 * 91) / 60;
    const activity = 60 * (engagement / target);
    const recency = 25 * (1 - 1 / 60);
    // From us: 2 e-mails and the appointment; from them: an e-mail, the call and the appointment.
    const reciprocity = 15;
    const result = await health('account', contoso);
    expect(result.exactScore).toBeCloseTo(activity + recency + reciprocity, 9);
    expect(result).toMatchObject({ score: 78, level: 'GOOD', trend: 'IMPROVING' });
  });

  it('explains the score: the factors that raised it add up to it, the shortfalls are negative', async () => {
    const result = await health('account', contoso);
    const raised = result.factors.filter((factor) => factor.impact > 0);
    const lowered = result.factors.filter((factor) => factor.impact < 0);
    expect(raised.reduce((sum, factor) => sum + factor.impact, 0)).toBeCloseTo(result.exactScore!, 0);
    expect(raised.map((factor) => factor.name)).toEqual(['Activity in the last 90 days', 'Recent contact', 'Two-way exchanges']);
    expect(lowered.map((factor) => factor.name)).toEqual([
      'Below the expected 8 weighted interactions per 30 days',
      'Silence since the last contact (1 days)',
    ]);
  });

  it('lowers the score with silence, and turns the trend to DECLINING', async () => {
    const scores = await Promise.all([0, 20, 35, 59, 200].map(async (days) => (await health('account', contoso, later(days))).score!));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(await health('account', contoso, later(35))).toMatchObject({ trend: 'DECLINING' });
    // 200 days on, only the two-way points are left of the history… and those fade with the window too.
    expect(await health('account', contoso, later(200))).toMatchObject({ score: 0, level: 'POOR', trend: 'STEADY' });
  });

  it('has no score for a record never contacted', async () => {
    const quiet = (await t.commands().createAccount({ name: 'Quiet' })).result.id;
    expect(await health('account', quiet)).toEqual({ score: null, exactScore: null, level: null, trend: null, factors: [] });
  });

  it('takes the type weights from the settings', async () => {
    const callsCountMore = { ...DEFAULT_HEALTH_SETTINGS, weights: { email: 1, phoneCall: 20, appointment: 4 } };
    const weighted = healthOf((await figures('account', contoso, NOW, callsCountMore)).health, callsCountMore);
    expect(weighted.exactScore!).toBeGreaterThan((await health('account', contoso)).exactScore!);
  });

  it('orders accounts by health, pages without gaps or repeats, never-contacted ones last', async () => {
    const fabrikam = (await t.commands().createAccount({ name: 'Fabrikam' })).result.id;
    await log({ type: 'EMAIL', direction: 'OUTGOING', occurredAt: '2026-02-20T10:00:00Z', regardingAccountId: fabrikam });
    const today = dayNumberOf(NOW);
    const filter = { view: 'ACTIVE' as const, viewerId: t.userId };
    const first = await listAccountsByHealth(t.crm.db, filter, { first: 1 }, today, DEFAULT_HEALTH_SETTINGS);
    expect(first.rows.map((row) => row.name)).toEqual(['Contoso']);
    expect(first.hasNextPage).toBe(true);
    const rest = await listAccountsByHealth(
      t.crm.db,
      filter,
      { first: 10, after: encodeHealthCursor(today, first.rows[0]!) },
      today,
      DEFAULT_HEALTH_SETTINGS,
    );
    expect(rest.rows.map((row) => row.name)).toEqual(['Fabrikam', 'Quiet']);
    expect(rest.rows.map((row) => row.health_key)).toEqual([(await health('account', fabrikam)).exactScore, -1]);
    expect(first.rows[0]!.health_key).toBeCloseTo((await health('account', contoso)).exactScore!, 9);
  });

  it('lists the accounts for `crm kpis` by score, as a table or CSV', async () => {
    const lines = await accountKpis(t.crm.db, 2, NOW, DEFAULT_HEALTH_SETTINGS);
    expect(lines.map((line) => [line.rank, line.account, line.healthScore, line.healthLevel])).toEqual([
      [1, 'Contoso', 78, 'GOOD'],
      [2, 'Fabrikam', (await health('account', lines[1]!.accountId)).score, 'POOR'],
    ]);
    const csv = formatKpis(lines, true).split('\r\n');
    expect(csv[0]).toBe(
      '#,account,score,level,trend,emails sent,emails received,calls made,calls received,appointments,minutes by us,minutes by them,' +
        'last contacted by us,last contacted by them,next interaction',
    );
    expect(csv[1]).toBe(
      '1,Contoso,78,GOOD,IMPROVING,2,1,0,1,1,147.5,145,2026-03-30T11:30:00.000Z,2026-03-30T11:00:00.000Z,2026-04-02T10:00:00.000Z',
    );
    expect(formatKpis(lines, false).split('\n')[1]).toMatch(/^1\s+Contoso\s+78\s+GOOD\s+IMPROVING/u);
  });

  it('keeps the numbers when a contact’s personal data is erased, and stores nothing personal', async () => {
    const before = await figures('contact', jan);
    const admin = (
      await t
        .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
        .registerUser({ email: 'dpo@example.com', name: 'Data Officer', roles: ['ADMINISTRATOR'] })
    ).result.id;
    await new PersonalDataService(t.crm).eraseContact({ actorId: admin, source: 'api' }, { contactId: eva, reason: 'Asked in writing' });
    expect(await figures('contact', jan)).toEqual(before);
    expect(await figures('contact', eva)).toMatchObject({ appointments: 1, timeSpentByThemMinutes: 120 });
    const dump = JSON.stringify(await dumpReadModels(t.crm, RELATIONSHIP_TABLES));
    expect(dump).not.toMatch(/Eva|Nowak|Kowalski/u);
  });

  it('keeps history and KPIs of a deactivated account', async () => {
    await t.commands().deactivateAccount({ id: contoso });
    expect((await health('account', contoso)).score).toBe(78);
    await t.commands().activateAccount({ id: contoso });
  });

  it('rebuilds to the same rows', async () => {
    const before = await dumpReadModels(t.crm, RELATIONSHIP_TABLES);
    await t.crm.rebuild(['relationships']);
    expect(await dumpReadModels(t.crm, RELATIONSHIP_TABLES)).toEqual(before);
    expect((await health('account', contoso)).score).toBe(78);
  });
});
