import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Every database the suites run on, kysely-style: `describe.each(TEST_DATABASES)`. */
export const TEST_DATABASES: readonly TestDatabase[] = [sqliteDatabase];

/** A temporary folder removed by the returned function. */
export function temporaryDir(prefix = 'crm-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
