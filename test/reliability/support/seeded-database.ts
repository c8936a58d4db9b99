import Database from 'better-sqlite3';
import { Client } from 'pg';
import { SYSTEM_ACTOR_ID } from '../../../events';
import { openCrm } from '../../../src/app/open-crm';
import { seedDemoBook } from '../../../src/seed/demo-book';
import type { CreatedDatabase } from '../../support/test-databases';
import { TEST_DATA_KEY } from '../../support/test-secrets';
import { eventCount } from './inspect-crm';

/** Fills a database with the demo book (through the ordinary commands); returns how many events it holds and its owner. */
export async function seedBook(
  database: CreatedDatabase,
  accounts: number,
  contacts: number,
): Promise<{ events: number; ownerId: string }> {
  const crm = await openCrm({ databaseUrl: database.url, dataKey: TEST_DATA_KEY });
  try {
    const system = crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' });
    const owner = await system.registerUser({ email: 'seeder@example.com', name: 'Seeder', roles: ['SALES_MANAGER'] });
    await seedDemoBook(crm.commands({ actorId: owner.result.id, source: 'cli' }), { accounts, contacts, seed: 7 });
    await crm.settle(60_000);
    return { events: await eventCount(crm), ownerId: owner.result.id };
  } finally {
    await crm.close();
  }
}

/**
 * The names of the tables a rebuild is filling right now (`…__rebuild`), read on a connection of its own so that
 * a test can watch another process's rebuild.
 */
export async function shadowTablesNow(database: CreatedDatabase): Promise<string[]> {
  if (database.path !== null) {
    const db = new Database(database.path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(`select name from sqlite_master where type = 'table' and name like '%\\_\\_rebuild' escape '\\'`).all();
      return (rows as { name: string }[]).map((row) => row.name);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = current_schema() and tablename like '%\\_\\_rebuild'`,
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** Makes the given projection's stored version look old, so that the next start rebuilds it (as after an upgrade). */
export function markProjectionStale(database: CreatedDatabase, projection: string): Promise<void> {
  return database.exec(`update projection_checkpoints set version = version - 1 where name = '${projection}'`);
}

/** Runs one counting query on a connection of its own (while a server holds the database). */
export async function countNow(database: CreatedDatabase, query: string): Promise<number> {
  if (database.path !== null) {
    const db = new Database(database.path, { readonly: true, fileMustExist: true });
    try {
      return Number(Object.values(db.prepare(query).get() as Record<string, unknown>)[0]);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(query);
    return Number(Object.values(rows[0]!)[0]);
  } finally {
    await client.end();
  }
}
