import { issueToken } from '../../src/auth/tokens';
import { GraphQLTestClient, TEST_JWT_SECRET } from '../support/graphql-client';
import type { ServerProcess } from '../support/server-process';
import { TEST_DATABASES, temporaryDir, type CreatedDatabase, type TestDatabase } from '../support/test-databases';
import { crmEnv, startCli, startServerChild, waitUntil, type CliProcess } from './support/cli-process';
import { inspectAfterCrash, SOUND } from './support/crash-checks';
import { recordFigures } from './support/figures';
import { dumpAllReadModels, withInspector } from './support/inspect-crm';
import { markProjectionStale, seedBook, shadowTablesNow } from './support/seeded-database';
import { sized } from './support/soak';

const BOOK = sized({ accounts: 800, contacts: 1600 }, { accounts: 4000, contacts: 12_000 });

/** Where the rebuild runs when it is killed: `crm rebuild` beside a serving server, or a server's start-up rebuild. */
const WHERE = ['crm rebuild, beside a running server', 'the start-up rebuild of crm serve'] as const;

const cases = TEST_DATABASES.flatMap((database) => WHERE.map((where) => [database.name, where, database] as const));

describe.each(cases)('kill -9 in the middle of a rebuild on %s: %s', (databaseName, where, database: TestDatabase) => {
  let created: CreatedDatabase;
  let dir: { path: string; remove(): void };
  beforeAll(() => {
    dir = temporaryDir('crm-crash-rebuild-');
  });
  const running: (CliProcess | ServerProcess)[] = [];
  afterAll(async () => {
    for (const process of running) await process.kill();
    await created?.drop();
    dir?.remove();
  });

  it('leaves the live read models whole; the next start or rebuild completes and equals a rebuild from scratch', async () => {
    // Given: a book of accounts and contacts, and its read models.
    created = await database.create();
    const { events, ownerId } = await seedBook(created, BOOK.accounts, BOOK.contacts);
    const before = await withInspector(created.url, dumpAllReadModels);
    const env = crmEnv(created.url);

    // When: a rebuild is killed once it is filling its shadow tables.
    let rebuilding: CliProcess;
    let server: ServerProcess | null = null;
    if (where === 'crm rebuild, beside a running server') {
      server = await startServerChild(env, dir.path);
      running.push(server);
      rebuilding = startCli(['rebuild'], env, dir.path);
    } else {
      await markProjectionStale(created, 'accounts');
      await markProjectionStale(created, 'contacts');
      rebuilding = startCli(['serve'], env, dir.path);
    }
    running.push(rebuilding);
    const caught = await waitUntil(async () => (await shadowTablesNow(created)).length > 0 || rebuilding.child.exitCode !== null, 60_000);
    await rebuilding.kill();
    const exitCode = rebuilding.child.exitCode;
    expect({ caught, exitCode, signal: rebuilding.child.signalCode, output: exitCode === null ? '' : rebuilding.output() }).toEqual({
      caught: true,
      exitCode: null,
      signal: 'SIGKILL',
      output: '',
    });
    expect(rebuilding.output()).not.toMatch(/Rebuilt |CRM server listening/u);

    // Then: a server that kept running still answers from whole read models.
    if (server) {
      const api = new GraphQLTestClient(server.url, await issueToken(TEST_JWT_SECRET, ownerId));
      const listed = await api.data<{ accounts: { totalCount: number } }, Record<string, unknown>>('Accounts', { view: 'ALL', first: 1 });
      expect(listed.accounts.totalCount).toBe(BOOK.accounts);
      await server.stop();
    }
    const leftovers = await shadowTablesNow(created);
    // And: the next start (which rebuilds what is stale) or the next `crm rebuild` completes.
    const next = where === 'crm rebuild, beside a running server' ? startCli(['rebuild'], env, dir.path) : null;
    if (next) {
      running.push(next);
      const code = await next.exited;
      expect({ code, output: code === 0 ? '' : next.output() }).toEqual({ code: 0, output: '' });
    } else {
      const restarted = await startServerChild(env, dir.path);
      running.push(restarted);
      await restarted.stop();
    }
    const after = await inspectAfterCrash(created);
    expect(after).toMatchObject({ ...SOUND, leftoverShadowTables: [], events, integrity: created.path === null ? null : 'ok' });
    expect(await withInspector(created.url, dumpAllReadModels)).toEqual(before);
    recordFigures('crash: kill -9 during a rebuild', databaseName, { where, events, shadowTablesLeftByTheKill: leftovers.length });
  }, 180_000);
});
