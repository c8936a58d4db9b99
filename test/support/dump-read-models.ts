import { sql } from 'kysely';
import type { Crm } from '../../src/app/open-crm';

/** Every row of every read-model table, ordered by id: two CRMs with equal dumps show the same data. */
export async function dumpReadModels(crm: Crm, tables = ['accounts', 'contacts', 'users']): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(crm.db);
    dump[table] = rows;
  }
  return dump;
}
