import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCrm } from '../../src/app/open-crm';
import { openSqlite } from '../../src/database/sqlite-connections';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { RealisticHistory } from './realistic-history';
import { SeededIds } from './seeded-ids';
import { nowMs } from './timing';

/** Bump when the generated history changes shape: older cached databases are then ignored. */
const GENERATOR_VERSION = 2;
/** Appends kept in flight while generating (the store commits them in groups). */
const GENERATION_IN_FLIGHT = 512;

/** A CRM database with a realistic history of `events` events and its read models, cached by size and seed. */
export interface CrmDataset {
  readonly path: string;
  readonly events: number;
  readonly seed: number;
  readonly userIds: readonly string[];
  /** How long appending the events took when the dataset was generated, in ms. */
  readonly generatedMs: number;
  /** How long the first projection of the read models took, in ms. */
  readonly projectedMs: number;
  /** True when this run found it in the cache. */
  readonly reused: boolean;
}

interface Manifest {
  readonly version: number;
  readonly events: number;
  readonly seed: number;
  readonly userIds: string[];
  readonly generatedMs: number;
  readonly projectedMs: number;
}

const SQLITE_SUFFIXES = ['', '-wal', '-shm'] as const;

/**
 * The cached dataset of `events` events for `seed`, generated on first use: the history is appended through
 * the SqliteEventStore (synchronous=OFF, group commit), then the read models are projected by opening the
 * CRM on it. Generation writes to a `.partial` file and renames it when complete.
 */
export async function ensureCrmDataset(options: {
  readonly dataDir: string;
  readonly events: number;
  readonly seed: number;
  readonly log: (line: string) => void;
}): Promise<CrmDataset> {
  const { dataDir, events, seed, log } = options;
  mkdirSync(dataDir, { recursive: true });
  const name = `crm-v${GENERATOR_VERSION}-${events}ev-seed${seed}`;
  const path = join(dataDir, `${name}.db`);
  const manifestPath = join(dataDir, `${name}.json`);
  if (existsSync(path) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    return { path, ...manifest, reused: true };
  }
  const partial = join(dataDir, `${name}.partial.db`);
  removeDatabase(partial);
  removeDatabase(path);
  log(`generating ${events.toLocaleString('en-US')} events (seed ${seed}) into ${partial}`);
  const started = nowMs();
  const userIds = await appendHistory(partial, events, seed, log);
  const generatedMs = nowMs() - started;
  log(`appended ${events.toLocaleString('en-US')} events in ${(generatedMs / 1000).toFixed(1)} s; projecting the read models`);
  const projecting = nowMs();
  let shown = 0;
  const crm = await openCrm({
    databaseUrl: `sqlite:${partial}`,
    onProgress: ({ projection, position, head }) => {
      if (position - shown >= 200_000 || position === head) {
        shown = position === head ? 0 : position;
        log(`  ${projection}: ${position.toLocaleString('en-US')}/${head.toLocaleString('en-US')}`);
      }
    },
  });
  await crm.close();
  const projectedMs = nowMs() - projecting;
  log(`projected the read models in ${(projectedMs / 1000).toFixed(1)} s`);
  for (const suffix of SQLITE_SUFFIXES) if (existsSync(partial + suffix)) renameSync(partial + suffix, path + suffix);
  const manifest: Manifest = { version: GENERATOR_VERSION, events, seed, userIds, generatedMs, projectedMs };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { path, ...manifest, reused: false };
}

/** A scratch copy of a dataset (for benchmarks that write to it); remove it with `removeDatabase`. */
export function copyDataset(dataset: CrmDataset, target: string): string {
  removeDatabase(target);
  for (const suffix of SQLITE_SUFFIXES) if (existsSync(dataset.path + suffix)) copyFileSync(dataset.path + suffix, target + suffix);
  return target;
}

/** Deletes a SQLite file with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
  for (const suffix of SQLITE_SUFFIXES) rmSync(path + suffix, { force: true });
}

async function appendHistory(path: string, total: number, seed: number, log: (line: string) => void): Promise<string[]> {
  const connections = openSqlite(path, { synchronous: 'OFF' });
  const store = new SqliteEventStore(connections.writer, connections.reader, { ids: new SeededIds(seed + 2) });
  const history = new RealisticHistory(seed);
  const inFlight = new Set<Promise<void>>();
  const outcome: { failure: Error | null } = { failure: null };
  let nextReport = Math.max(100_000, Math.ceil(total / 10));
  try {
    while (history.eventCount < total && outcome.failure === null) {
      const request = history.next(total - history.eventCount);
      const appended: Promise<void> = store
        .append(request)
        .then(
          () => undefined,
          (error: unknown) => {
            outcome.failure ??= error instanceof Error ? error : new Error(String(error));
          },
        )
        .finally(() => inFlight.delete(appended));
      inFlight.add(appended);
      if (inFlight.size >= GENERATION_IN_FLIGHT) await Promise.race(inFlight);
      if (history.eventCount >= nextReport) {
        log(`  appended ${history.eventCount.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
        nextReport += Math.max(100_000, Math.ceil(total / 10));
      }
    }
    await Promise.all(inFlight);
    if (outcome.failure) throw outcome.failure;
  } finally {
    await store.close();
    connections.close();
  }
  return history.userIds;
}
