import type { Kysely } from 'kysely';
import { healthOf, healthSettingsFrom, type HealthSettings } from '../../projections/relationship/health-score';
import { listAccountsByHealth, relationshipFiguresOf } from '../../projections/relationship/relationship.queries';
import { dayNumberOf } from '../../projections/relationship/activity-figures';
import type { ReadModels } from '../../projections/read-models';
import { SYSTEM_ACTOR_ID } from '../../events';
import { withCrm } from './cli-context';

/** One line of `crm kpis`: an account and its relationship figures as of now. */
export interface AccountKpis {
  readonly rank: number;
  readonly accountId: string;
  readonly account: string;
  readonly healthScore: number | null;
  readonly healthLevel: string | null;
  readonly trend: string | null;
  readonly emailsSent: number;
  readonly emailsReceived: number;
  readonly phoneCallsMade: number;
  readonly phoneCallsReceived: number;
  readonly appointments: number;
  readonly minutesByUs: number;
  readonly minutesByThem: number;
  readonly lastContactedByUs: string | null;
  readonly lastContactedByThem: string | null;
  readonly nextInteraction: string | null;
}

const COLUMNS: readonly [keyof AccountKpis, string][] = [
  ['rank', '#'],
  ['account', 'account'],
  ['healthScore', 'score'],
  ['healthLevel', 'level'],
  ['trend', 'trend'],
  ['emailsSent', 'emails sent'],
  ['emailsReceived', 'emails received'],
  ['phoneCallsMade', 'calls made'],
  ['phoneCallsReceived', 'calls received'],
  ['appointments', 'appointments'],
  ['minutesByUs', 'minutes by us'],
  ['minutesByThem', 'minutes by them'],
  ['lastContactedByUs', 'last contacted by us'],
  ['lastContactedByThem', 'last contacted by them'],
  ['nextInteraction', 'next interaction'],
];

/** The `top` active accounts by health score as of `now`, with their figures (three statements). */
export async function accountKpis(db: Kysely<ReadModels>, top: number, now: Date, settings: HealthSettings): Promise<AccountKpis[]> {
  const page = await listAccountsByHealth(db, { view: 'ACTIVE', viewerId: SYSTEM_ACTOR_ID }, { first: top }, dayNumberOf(now), settings);
  const figures = await relationshipFiguresOf(
    db,
    'account',
    page.rows.map((row) => row.id),
    now,
    settings,
  );
  return page.rows.map((row, index) => {
    const figure = figures.get(row.id)!;
    const health = healthOf(figure.health, settings);
    return {
      rank: index + 1,
      accountId: row.id,
      account: row.name,
      healthScore: health.score,
      healthLevel: health.level,
      trend: health.trend,
      emailsSent: figure.emailsSent,
      emailsReceived: figure.emailsReceived,
      phoneCallsMade: figure.phoneCallsMade,
      phoneCallsReceived: figure.phoneCallsReceived,
      appointments: figure.appointments,
      minutesByUs: figure.timeSpentByUsMinutes,
      minutesByThem: figure.timeSpentByThemMinutes,
      lastContactedByUs: figure.lastContactedByUs,
      lastContactedByThem: figure.lastContactedByThem,
      nextInteraction: figure.nextInteraction,
    };
  });
}

function cell(value: string | number | null): string {
  return value === null ? '' : String(value);
}

function csvCell(value: string): string {
  return /[",\n\r]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** The lines as CSV (RFC 4180, a header first) or as an aligned text table. */
export function formatKpis(lines: readonly AccountKpis[], csv: boolean): string {
  const table = [COLUMNS.map(([, title]) => title), ...lines.map((line) => COLUMNS.map(([key]) => cell(line[key])))];
  if (csv) return table.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const widths = COLUMNS.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return (
    table
      .map((row) =>
        row
          .map((value, column) => value.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** `crm kpis --top 20 [--csv]`: the accounts with the healthiest relationships first, and their figures. */
export async function kpisCommand(options: { top: number; csv?: boolean }): Promise<void> {
  if (!Number.isInteger(options.top) || options.top < 1) throw new Error('--top must be a whole number of at least 1');
  const settings = healthSettingsFrom(process.env);
  await withCrm(async (crm) => {
    const lines = await accountKpis(crm.db, options.top, crm.clock.now(), settings);
    process.stdout.write(formatKpis(lines, options.csv === true));
  });
}
