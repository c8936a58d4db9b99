import { POSTGRES_AVAILABLE } from './support/test-databases';

// Makes a skipped PostgreSQL run visible in every test report, not only in the console.
const reason = process.env.TEST_POSTGRES_SKIP_REASON ?? 'unreachable';
(POSTGRES_AVAILABLE ? it : it.skip)(
  `runs the database suites on PostgreSQL too${POSTGRES_AVAILABLE ? '' : ` — SKIPPED: ${reason}`}`,
  () => {
    expect(process.env.TEST_POSTGRES_URL).toMatch(/^postgres/u);
  },
);
