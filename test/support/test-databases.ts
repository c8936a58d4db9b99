import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database a test suite runs against; `create()` gives a fresh, empty one. */
export interface TestDatabase {
  readonly name: string;
  create(): Promise<CreatedDatabase>;
}

export interface CreatedDatabase {
  readonly url: string;
  /** The file, for databases that are one. */
  readonly path: string | null;
  /** Runs SQL behind the CRM's back (to damage or inspect stored rows). */
  exec(sqlText: string): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh SQLite file in its own temporary folder. */
export const sqliteDatabase: TestDatabase = {
  name: 'sqlite',
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
    const path = join(dir, 'crm.db');
    return Promise.resolve({
      url: `sqlite:${path}`,
      path,
      exec(sqlText: string) {
        const db = new Database(path);
        try {
          db.exec(sqlText);
        } finally {
          db.close();
        }
        return Promise.resolve();
      },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

/** A fresh PostgreSQL database (created from template0, dropped with every session still in it). */
export const postgresDatabase: TestDatabase = {
  name: 'postgres',
  async create() {
    const adminUrl = process.env.TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error('PostgreSQL is not available to the tests (see test/support/global-setup.ts)');
    const name = `crm_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      path: null,
      async exec(sqlText: string) {
        await withAdmin(url.toString(), (client) => client.query(sqlText));
      },
      async drop() {
        await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  },
};

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL runs are on (see global-setup.ts). */
export const POSTGRES_AVAILABLE = process.env.TEST_POSTGRES_AVAILABLE === 'yes';

/** Every database the suites run on, kysely-style: `describe.each(TEST_DATABASES)`. */
export const TEST_DATABASES: readonly TestDatabase[] = POSTGRES_AVAILABLE ? [sqliteDatabase, postgresDatabase] : [sqliteDatabase];

/** A temporary folder removed by the returned function. */
export function temporaryDir(prefix = 'crm-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
