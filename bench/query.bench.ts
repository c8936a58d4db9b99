import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { openCrm } from '../src/app/open-crm';
import { issueToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server/start-server';
import { bySize, type Benchmark, type BenchOptions } from './support/benchmark';
import { ensureCrmDataset } from './support/crm-dataset';
import {
  CONTACTS_PER_ACCOUNT,
  bareExecutor,
  crmExecutor,
  pageOf,
  requestBody,
  sequentialLatencies,
  type PrecomputedPage,
} from './support/graphql-workload';
import { autocannon, startBareApollo, type LoadResult } from './support/http-load';
import { datasetNote } from './rebuild.bench';
import { ratioAtLeast, ratioAtMost, type ResultRow } from './support/result-table';

const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const CONNECTIONS = 10;
const TARGET_SHARE_OF_BARE = 0.5;

/** Events in the queried CRM: 100,000 in the full run (about 12,000 accounts and 30,000 contacts). */
export function querySize(options: Pick<BenchOptions, 'size'>): number {
  return bySize(options, { tiny: 2_000, full: 100_000 });
}

/**
 * The accounts page with contacts (AccountsWithContacts) in process and over HTTP under autocannon, against a
 * bare Apollo Server answering the same shape from memory.
 */
export const benchmark: Benchmark = {
  name: 'query',
  description: `the accounts page (50 accounts with owners, ${CONTACTS_PER_ACCOUNT} contacts each, open opportunities, invoices and health scores) in process and over HTTP`,
  async measure(options) {
    const dataset = await ensureCrmDataset({ dataDir: options.dataDir, events: querySize(options), seed: options.seed, log: options.log });
    const viewerId = dataset.userIds[0]!;
    const iterations = bySize(options, { tiny: 20, full: 500 });
    const warmup = bySize(options, { tiny: 3, full: 50 });
    // Tiny runs check that the load completes; a busy CI machine needs more than a second for the first answers.
    const seconds = bySize(options, { tiny: 3, full: 5 });

    const crm = await openCrm({ databaseUrl: `sqlite:${dataset.path}` });
    let page: PrecomputedPage;
    let inOurs: Awaited<ReturnType<typeof sequentialLatencies>>;
    let inBare: Awaited<ReturnType<typeof sequentialLatencies>>;
    try {
      const ours = await crmExecutor(crm, viewerId);
      page = (await ours(pageOf(50))).data as unknown as PrecomputedPage;
      inOurs = await sequentialLatencies(ours, pageOf(50), iterations, warmup);
      inBare = await sequentialLatencies(bareExecutor(page), pageOf(50), iterations, warmup);
    } finally {
      await crm.close();
    }
    options.log(`query: in process ${Math.round(inOurs.perSecond)} req/s (bare ${Math.round(inBare.perSecond)})`);

    const http = await measureHttp(dataset.path, viewerId, page, seconds, options);
    const perSecond = (value: number) => ({ value, unit: 'req/s' });
    const ms = (value: number) => ({ value, unit: 'ms' });
    const rows: ResultRow[] = [
      {
        workload: 'SQL statements per request, page of 10 (HTTP, token check included)',
        ours: { value: http.statements10, unit: 'statements' },
      },
      {
        workload: 'SQL statements per request, page of 50 (baseline: the page of 10)',
        ours: { value: http.statements50, unit: 'statements' },
        baseline: { value: http.statements10, unit: 'statements' },
        target: [ratioAtMost(1, 'same as page of 10')],
      },
      {
        workload: 'in process, page of 50, one at a time: requests/s',
        ours: perSecond(inOurs.perSecond),
        baseline: perSecond(inBare.perSecond),
      },
      { workload: 'in process, page of 50: p50 latency', ours: ms(inOurs.p50), baseline: ms(inBare.p50) },
      { workload: 'in process, page of 50: p99 latency', ours: ms(inOurs.p99), baseline: ms(inBare.p99) },
      {
        workload: `HTTP, page of 50, ${CONNECTIONS} connections: requests/s`,
        ours: perSecond(http.ours50.requestsPerSecond),
        baseline: perSecond(http.bare50.requestsPerSecond),
        target: [ratioAtLeast(TARGET_SHARE_OF_BARE, '≥ 50% of bare Apollo')],
      },
      { workload: 'HTTP, page of 50: p50 latency', ours: ms(http.ours50.p50), baseline: ms(http.bare50.p50) },
      { workload: 'HTTP, page of 50: p99 latency', ours: ms(http.ours50.p99), baseline: ms(http.bare50.p99) },
      {
        workload: `HTTP, page of 10, ${CONNECTIONS} connections: requests/s`,
        ours: perSecond(http.ours10.requestsPerSecond),
        baseline: perSecond(http.bare10.requestsPerSecond),
      },
    ];
    return {
      title: `query — ${this.description}`,
      baseline:
        'a bare Apollo Server 5 (same express 5 + @as-integrations/express5 setup, no auth, no logging) whose resolver returns our page, precomputed, from memory; in process, graphql-js execute() on the same shape',
      rows,
      notes: [
        datasetNote(dataset),
        `Viewer: the first generated user; view ACTIVE, sorted by name. In process: ${iterations} requests one after another after ${warmup} warm-up ones, a fresh context (loaders) per request, no HTTP, no token check. HTTP: autocannon in a child process, ${CONNECTIONS} connections, ${seconds} s per run after a warm-up run.`,
      ],
    };
  },
};

async function measureHttp(path: string, viewerId: string, page: PrecomputedPage, seconds: number, options: BenchOptions) {
  const scratch = join(options.dataDir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const statements: string[] = [];
  let counting = false;
  const config = loadConfig(
    // No rate limit: the load generator is one user sending as fast as it can.
    {
      PORT: '0',
      DATABASE_URL: `sqlite:${path}`,
      JWT_SECRET,
      LOG_LEVEL: 'silent',
      DATA_DIR: scratch,
      ADMIN_EMAIL: 'admin@example.com',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    scratch,
  );
  const running = await startServer(config, {
    logger: pino({ level: 'silent' }),
    announce: () => undefined,
    crm: { onReadQuery: (sql) => void (counting && statements.push(sql)) },
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await issueToken(JWT_SECRET, viewerId)}` };
  const url = running.url.replace('//localhost:', '//127.0.0.1:');
  const load = (first: number) => autocannon({ url, body: requestBody(pageOf(first)), headers, connections: CONNECTIONS, seconds });
  let ours10: LoadResult;
  let ours50: LoadResult;
  let statements10: number;
  let statements50: number;
  try {
    const countStatements = async (first: number) => {
      statements.length = 0;
      counting = true;
      const response = await fetch(url, { method: 'POST', headers, body: requestBody(pageOf(first)) });
      const json = (await response.json()) as { data?: PrecomputedPage; errors?: unknown };
      counting = false;
      if (json.errors || !json.data) throw new Error(`AccountsWithContacts failed over HTTP: ${JSON.stringify(json.errors)}`);
      if (json.data.accounts.edges.length !== Math.min(first, json.data.accounts.totalCount)) throw new Error('a short page');
      return statements.length;
    };
    statements10 = await countStatements(10);
    statements50 = await countStatements(50);
    if (options.size === 'full') await load(50);
    ours50 = checked(await load(50), 'ours');
    ours10 = checked(await load(10), 'ours');
  } finally {
    await running.stop();
  }
  options.log(`query: HTTP ours ${Math.round(ours50.requestsPerSecond)} req/s, ${statements50} statements per page of 50`);
  const bare = await startBareApollo(page);
  const bareLoad = (first: number) =>
    autocannon({
      url: bare.url,
      body: requestBody(pageOf(first)),
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      seconds,
    });
  let bare10: LoadResult;
  let bare50: LoadResult;
  try {
    if (options.size === 'full') await bareLoad(50);
    bare50 = checked(await bareLoad(50), 'bare Apollo');
    bare10 = checked(await bareLoad(10), 'bare Apollo');
  } finally {
    await bare.stop();
  }
  options.log(`query: HTTP bare Apollo ${Math.round(bare50.requestsPerSecond)} req/s`);
  return { statements10, statements50, ours10, ours50, bare10, bare50 };
}

/** A load run whose requests failed measures nothing: refuse it. */
function checked(result: LoadResult, server: string): LoadResult {
  if (result.requests === 0 || result.failures > 0) {
    throw new Error(`${server}: ${result.failures} of ${result.requests} requests failed under load`);
  }
  return result;
}
