import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openCrm, type Crm } from '../../../src/app/open-crm';
import { TEST_DATA_KEY } from '../../support/test-secrets';

/** Opens a CRM on a database to inspect it (after a crash: its projectors catch up first). */
export async function openInspector(url: string): Promise<Crm> {
  const crm = await openCrm({ databaseUrl: url, dataKey: TEST_DATA_KEY });
  try {
    await crm.settle(60_000);
    return crm;
  } catch (error) {
    await crm.close();
    throw error;
  }
}

export async function withInspector<T>(url: string, work: (crm: Crm) => Promise<T>): Promise<T> {
  const crm = await openInspector(url);
  try {
    return await work(crm);
  } finally {
    await crm.close();
  }
}

/** How many events a stream holds, and its lowest and highest version. */
export interface StreamVersions {
  readonly count: number;
  readonly first: number;
  readonly last: number;
}

/** Every stream's event count and version range, read straight from the events table. */
export async function streamVersions(crm: Crm): Promise<Map<string, StreamVersions>> {
  const { rows } = await sql<{ stream_id: string; count: unknown; first: unknown; last: unknown }>`
    select stream_id, count(*) as count, min(stream_version) as first, max(stream_version) as last from events group by stream_id`.execute(
    crm.db,
  );
  return new Map(rows.map((row) => [row.stream_id, { count: Number(row.count), first: Number(row.first), last: Number(row.last) }]));
}

/** Streams whose versions are not exactly 1, 2, …, n (a gap or a duplicate). */
export async function streamsWithGaps(crm: Crm): Promise<string[]> {
  const streams = await streamVersions(crm);
  return [...streams].filter(([, v]) => v.first !== 1 || v.last !== v.count).map(([id]) => id);
}

export async function eventCount(crm: Crm): Promise<number> {
  const { rows } = await sql<{ count: unknown }>`select count(*) as count from events`.execute(crm.db);
  return Number(rows[0]!.count);
}

/** Every row of every read-model table the CRM maintains, in a stable order. */
export async function dumpAllReadModels(crm: Crm): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of crm.projector.projections.flatMap((projection) => projection.tables)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(crm.db);
    dump[table] = rows;
  }
  return dump;
}

/** The live read models, then the same after a from-scratch rebuild: equal when nothing was lost or doubled. */
export async function readModelsAndRebuild(crm: Crm): Promise<{ live: Record<string, unknown[]>; rebuilt: Record<string, unknown[]> }> {
  const live = await dumpAllReadModels(crm);
  await crm.rebuild();
  return { live, rebuilt: await dumpAllReadModels(crm) };
}

/** Tables a rebuild fills before swapping them in (`<table>__rebuild`) that are still there. */
export async function leftoverShadowTables(crm: Crm): Promise<string[]> {
  const tables = crm.projector.projections.flatMap((projection) => projection.tables).map((table) => `${table}__rebuild`);
  const present: string[] = [];
  for (const table of tables) if (await tableExists(crm, table)) present.push(table);
  return present;
}

async function tableExists(crm: Crm, table: string): Promise<boolean> {
  const tables = await crm.db.introspection.getTables();
  return tables.some((found) => found.name === table);
}

/** SQLite's own check of the file: 'ok' when every page, index and constraint is sound. */
export function sqliteIntegrity(path: string): string {
  const db = new Database(path);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('\n');
  } finally {
    db.close();
  }
}
