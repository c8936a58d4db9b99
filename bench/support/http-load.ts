import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { BARE_TYPE_DEFS, bareAccounts, type PrecomputedPage } from './graphql-workload';

/** What autocannon measured (latencies in ms). */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failures: number;
}

interface AutocannonJson {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/**
 * Loads `url` with autocannon in a child process (so the load generator does not share the server's event
 * loop): POSTs `body` over `connections` keep-alive connections for `seconds`.
 */
export function autocannon(options: {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
}): Promise<LoadResult> {
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '--json',
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds),
    '-m',
    'POST',
    '-b',
    options.body,
    ...Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]),
    options.url,
  ];
  return new Promise<LoadResult>((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`autocannon failed: ${error.message} ${stderr}`));
      try {
        const lines = stdout.trim().split('\n');
        const result = JSON.parse(lines[lines.length - 1]!) as AutocannonJson;
        resolve({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      } catch (parseError) {
        reject(
          new Error(`autocannon printed no result: ${(parseError as Error).message}: ${stdout.slice(0, 200)} ${stderr.slice(0, 200)}`),
        );
      }
    });
  });
}

export interface RunningBareServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A bare Apollo Server 5 with the same express + @as-integrations/express5 setup as ours (express.json() before
 * the middleware, landing page disabled), whose only resolver returns slices of a precomputed page.
 */
export async function startBareApollo(page: PrecomputedPage): Promise<RunningBareServer> {
  const accounts = bareAccounts(page);
  const apollo = new ApolloServer({
    typeDefs: BARE_TYPE_DEFS,
    resolvers: { Query: { accounts: (_root: unknown, args: { first?: number | null }) => accounts(args.first) } },
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: () => Promise.resolve({}) }));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
