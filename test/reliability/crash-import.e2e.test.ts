import { GraphQLTestClient } from '../support/graphql-client';
import type { ServerProcess } from '../support/server-process';
import { TEST_DATABASES, temporaryDir, type CreatedDatabase } from '../support/test-databases';
import { bannerToken, crmEnv, startServerChild, waitUntil } from './support/cli-process';
import { inspectAfterCrash, SOUND } from './support/crash-checks';
import { recordFigures } from './support/figures';
import { countNow } from './support/seeded-database';
import { sized } from './support/soak';

/** Rows in the file (the 100,000 under soak), and how far the import gets before the kill. */
const ROWS = sized(4000, 100_000);
const KILL_AFTER_CREATED = Math.floor(ROWS / 5);

type Variables = Record<string, unknown>;

interface ImportJob {
  readonly id: string;
  readonly status: string;
  readonly totalRows: number | null;
  readonly processedRows: number;
  readonly createdCount: number;
  readonly skippedCount: number;
  readonly errorCount: number;
  readonly failureReason: string | null;
}

function accountsCsv(rows: number): string {
  const lines = ['Account Name,Account Number,Industry'];
  for (let row = 1; row <= rows; row += 1) lines.push(`Imported account ${row},IMP-${String(row).padStart(6, '0')},Retail`);
  return `${lines.join('\n')}\n`;
}

async function upload(server: ServerProcess, token: string, content: string): Promise<string> {
  const response = await fetch(new URL('/uploads?name=accounts.csv', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: content,
  });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Whether every projection of the server has reached the head of the event store (its /readyz lags). */
async function caughtUp(graphqlUrl: string): Promise<boolean> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/u, '/readyz'));
  if (!response.ok) return false;
  const { projections } = (await response.json()) as { projections: { lag: number }[] };
  return projections.every((projection) => projection.lag === 0);
}

async function job(api: GraphQLTestClient, id: string): Promise<ImportJob> {
  const data = await api.data<{ importJob: ImportJob }, Variables>('ImportJob', { id, first: 1 });
  return data.importJob;
}

describe.each(TEST_DATABASES)(`kill -9 in the middle of a ${ROWS}-row import on $name`, (database) => {
  let created: CreatedDatabase;
  let dir: { path: string; remove(): void };
  beforeAll(() => {
    dir = temporaryDir('crm-crash-import-');
  });
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill();
    await created?.drop();
    dir?.remove();
  });

  it('ends the job FAILED with the counts of what was committed; running it again imports the rest once', async () => {
    created = await database.create();
    server = await startServerChild(crmEnv(created.url), dir.path);
    const token = bannerToken(server.stdout());
    let api = new GraphQLTestClient(server.url, token);
    const imported = `select count(*) as n from accounts where account_number like 'IMP-%'`;

    // When: the server is killed while the import is writing its rows.
    const uploadId = await upload(server, token, accountsCsv(ROWS));
    const started = await api.data<{ startImport: { job: ImportJob } }, Variables>('StartImport', {
      input: { entity: 'ACCOUNT', uploadId, format: 'CSV' },
    });
    const jobId = started.startImport.job.id;
    let seen: ImportJob | null = null;
    const caught = await waitUntil(
      async () => {
        seen = await job(api, jobId);
        return seen.createdCount >= KILL_AFTER_CREATED || ['COMPLETED', 'FAILED'].includes(seen.status);
      },
      120_000,
      20,
    );
    await server.kill();
    expect({ caught, status: seen!.status }).toEqual({ caught: true, status: 'IMPORTING' });

    // Then: after a restart the job is FAILED, and its counts are what the database holds. On PostgreSQL the
    // read models trail the events (catch-up): what was committed shows once the restarted server caught up.
    server = await startServerChild(crmEnv(created.url), dir.path);
    api = new GraphQLTestClient(server.url, token);
    expect(await waitUntil(() => caughtUp(server!.url), 60_000, 50)).toBe(true);
    const committedAtKill = await countNow(created, imported);
    const failed = await job(api, jobId);
    expect(failed).toMatchObject({ status: 'FAILED', createdCount: committedAtKill, errorCount: 0 });
    expect(failed.failureReason).toMatch(/interrupted/u);
    expect(committedAtKill).toBeGreaterThan(0);
    expect(committedAtKill).toBeLessThan(ROWS);

    // And: run again, it imports the rest, each row once.
    await api.data<unknown, Variables>('RetryImport', { id: jobId });
    let finished = failed;
    expect(
      await waitUntil(
        async () => {
          finished = await job(api, jobId);
          return ['COMPLETED', 'FAILED'].includes(finished.status);
        },
        600_000,
        100,
      ),
    ).toBe(true);
    expect(finished).toMatchObject({ status: 'COMPLETED', totalRows: ROWS, errorCount: 0 });
    await server.stop();
    server = null;
    expect(await countNow(created, imported)).toBe(ROWS);
    expect(await countNow(created, `select count(distinct account_number) as n from accounts where account_number like 'IMP-%'`)).toBe(
      ROWS,
    );

    const after = await inspectAfterCrash(created);
    recordFigures('crash: kill -9 during an import', database.name, {
      rows: ROWS,
      committedAtKill,
      afterRerun: { created: finished.createdCount, skipped: finished.skippedCount, processed: finished.processedRows },
      events: after.events,
      tablesUnlikeRebuild: after.tablesUnlikeRebuild,
    });
    expect(after.firstDifferences).toEqual({});
    expect(after).toMatchObject({ ...SOUND, integrity: created.path === null ? null : 'ok' });
  }, 900_000);
});
