import type { CreatedDatabase } from '../../support/test-databases';
import { eventCount, leftoverShadowTables, readModelsAndRebuild, sqliteIntegrity, streamsWithGaps, withInspector } from './inspect-crm';

/** What a database looks like after a crash and a restart, in the terms the crash tests assert on. */
export interface AfterCrash {
  readonly events: number;
  readonly streamsWithGaps: string[];
  /** Tables whose live rows differ from a from-scratch rebuild (empty when the read models are exact). */
  readonly tablesUnlikeRebuild: string[];
  /** For each such table, its first differing row: live, then rebuilt. */
  readonly firstDifferences: Record<string, [unknown, unknown]>;
  /** Shadow tables an interrupted rebuild left (harmless: the next rebuild drops them first). */
  readonly leftoverShadowTables: string[];
  readonly hashChainOk: boolean;
  /** SQLite's `PRAGMA integrity_check` ('ok'), or null for PostgreSQL. */
  readonly integrity: string | null;
}

/**
 * Opens the database as a new process would (projectors catch up first), then compares the read models with a
 * rebuild, checks stream versions and the hash chain, and (SQLite) the file's integrity. Run it with no server on
 * the database, so that the comparison is not racing live writes.
 */
export async function inspectAfterCrash(database: CreatedDatabase): Promise<AfterCrash> {
  const inspected = await withInspector(database.url, async (crm) => {
    const gaps = await streamsWithGaps(crm);
    const events = await eventCount(crm);
    const leftovers = await leftoverShadowTables(crm);
    const { live, rebuilt } = await readModelsAndRebuild(crm);
    const unlike = Object.keys({ ...live, ...rebuilt }).filter((table) => JSON.stringify(live[table]) !== JSON.stringify(rebuilt[table]));
    const firstDifferences = Object.fromEntries(unlike.map((table) => [table, firstDifference(live[table] ?? [], rebuilt[table] ?? [])]));
    const chain = await crm.history.verify();
    return {
      events,
      streamsWithGaps: gaps,
      tablesUnlikeRebuild: unlike,
      firstDifferences,
      leftoverShadowTables: leftovers,
      hashChainOk: chain.ok,
    };
  });
  return { ...inspected, integrity: database.path === null ? null : sqliteIntegrity(database.path) };
}

function firstDifference(live: readonly unknown[], rebuilt: readonly unknown[]): [unknown, unknown] {
  const index = Array.from({ length: Math.max(live.length, rebuilt.length) }, (_, i) => i).find(
    (i) => JSON.stringify(live[i]) !== JSON.stringify(rebuilt[i]),
  );
  return index === undefined ? [null, null] : [live[index] ?? null, rebuilt[index] ?? null];
}

/** The sound state every crash must leave (figures aside). */
export const SOUND = {
  streamsWithGaps: [],
  tablesUnlikeRebuild: [],
  firstDifferences: {},
  hashChainOk: true,
} as const;
