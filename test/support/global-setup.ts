import { Client } from 'pg';

/** Where the PostgreSQL test runs create their databases (an admin connection). */
export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs once before the suites: finds out whether PostgreSQL is reachable. If it is, the suites run every
 * database test on it too (TEST_POSTGRES_URL is set for the workers); if not, they run on SQLite only and
 * say so — except under CI=true, where an unreachable PostgreSQL fails the run.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.TEST_POSTGRES_URL = url;
    process.env.TEST_POSTGRES_AVAILABLE = 'yes';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true')
      throw new Error(`PostgreSQL is unreachable at ${url} (${reason}); CI runs every test on it`, { cause: error });
    process.env.TEST_POSTGRES_AVAILABLE = 'no';
    process.env.TEST_POSTGRES_SKIP_REASON = reason;
    console.warn(`\n⚠ PostgreSQL is unreachable at ${url} (${reason}): the PostgreSQL runs of the suites are SKIPPED.\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
