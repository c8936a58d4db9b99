import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { streamIds, type AccountEvent, type EventMetadata } from '../events';
import { openSqlite } from '../src/database/sqlite-connections';
import { evolveAccount, initialAccountState, type AccountState } from '../src/domain/account/account.state';
import type { NewEvent } from '../src/event-store/event-store';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { CITIES, COMPANY_STEMS, INDUSTRIES } from '../src/seed/demo-names';
import { SeededRandom } from '../src/seed/random';
import { bySize, type Benchmark } from './support/benchmark';
import { removeDatabase } from './support/crm-dataset';
import { loadEmmettPeer, type EmmettConnection, type EmmettReadEvent, type EmmettSqlite } from './support/emmett-peer';
import { ratioAtLeast, type Figure, type ResultRow } from './support/result-table';
import { SeededIds } from './support/seeded-ids';
import { perSecond, runPool, timed } from './support/timing';

const EVENTS_PER_STREAM = 5;
const TARGET_RATIO = 3;

/** The same streams for both stores: an account created, then updated four times. */
interface Workload {
  readonly streams: readonly string[];
  /** `events[version][stream]`: the event that takes the stream from `version` to `version + 1`. */
  readonly events: readonly (readonly NewEvent[])[];
  readonly metadata: (index: number) => EventMetadata;
}

/**
 * The same event-sourcing workload through our SqliteEventStore and Emmett's SQLite store (0.38.5 on sqlite3
 * 5.1.7, one open connection): streams appended one command at a time with the expected version, then every
 * stream read back and folded. The two stores take turns (one round of appends each, one read of every stream
 * each), so both see the same machine weather; reads are repeated and the median is reported.
 */
export const benchmark: Benchmark = {
  name: 'vs-emmett',
  description: `streams × ${EVENTS_PER_STREAM} events, one append per command with the expected version, then every stream read and folded`,
  async measure(options) {
    const streamCount = bySize(options, { tiny: 40, full: 10_000 });
    const shippedCount = bySize(options, { tiny: 20, full: 1_000 });
    const readRounds = bySize(options, { tiny: 1, full: 3 });
    const scratch = join(options.dataDir, 'scratch');
    mkdirSync(scratch, { recursive: true });
    const workload = buildWorkload(streamCount, options.seed);
    const appends = streamCount * EVENTS_PER_STREAM;
    const peer = await loadEmmettPeer({ install: options.installPeers, log: options.log });
    const notes: string[] = [];
    const paths = ['ours', 'ours-concurrent', 'emmett', 'shipped'].map((name) => join(scratch, `vs-emmett-${name}-${process.pid}.db`));
    const [oursPath, concurrentPath, emmettPath, shippedPath] = paths as [string, string, string, string];
    paths.forEach(removeDatabase);

    const ours = { appendMs: 0, readMs: [] as number[] };
    const emmett = { appendMs: 0, readMs: [] as number[], failure: peer.loaded ? null : `Emmett not measured: ${peer.reason}` };
    const connection = peer.loaded ? peer.emmett.sqliteConnection({ fileName: emmettPath }) : null;
    /** Runs one of Emmett's turns; its first failure stops Emmett's side (and is reported) but not ours. */
    const emmettTurn = async (turn: (emmettSqlite: EmmettSqlite, connection: EmmettConnection) => Promise<void>) => {
      if (!peer.loaded || !connection || emmett.failure) return;
      try {
        await turn(peer.emmett, connection);
      } catch (error) {
        emmett.failure = `Emmett failed during the run: ${messageOf(error)}`;
      }
    };
    try {
      await emmettTurn(async (emmettSqlite, open) => {
        await emmettSqlite.createEventStoreSchema(open);
        const pragmas = await settingsOf(open);
        if (pragmas.synchronous !== 2) await open.command('PRAGMA synchronous = FULL');
        notes.push(
          `Emmett's connection: journal_mode=${pragmas.journalMode}, synchronous=${pragmas.synchronous}${pragmas.synchronous !== 2 ? ' (set to FULL for the run)' : ' (FULL)'}.`,
        );
      });
      await withStore(oursPath, async (store) => {
        for (let version = 0; version < EVENTS_PER_STREAM; version += 1) {
          ours.appendMs += await timed(async () => {
            for (const [index, streamId] of workload.streams.entries())
              await store.append(appendRequest(workload, streamId, index, version));
          });
          await emmettTurn(async (emmettSqlite, open) => {
            emmett.appendMs += await timed(async () => {
              for (const [index, streamId] of workload.streams.entries()) {
                const event = workload.events[version]![index]!;
                const result = await emmettSqlite.appendToStream(
                  open,
                  streamId,
                  'account',
                  [{ ...event, metadata: workload.metadata(index) }],
                  {
                    expectedStreamVersion: BigInt(version),
                  },
                );
                if (!result.success) throw new Error(`Emmett refused the append to ${streamId} at version ${version}`);
              }
            });
          });
        }
        options.log(
          `vs-emmett: appended ${appends} events: ours ${Math.round(ours.appendMs)} ms, Emmett ${Math.round(emmett.appendMs)} ms`,
        );
        for (let round = 0; round < readRounds; round += 1) {
          ours.readMs.push(
            await timed(async () => {
              for (const streamId of workload.streams) {
                const events = await store.readStream(streamId);
                expectFolded(
                  events.reduce((state, event) => evolveAccount(state, event as AccountEvent), initialAccountState),
                  events.length,
                );
              }
            }),
          );
          await emmettTurn(async (emmettSqlite, open) => {
            emmett.readMs.push(
              await timed(async () => {
                for (const streamId of workload.streams) {
                  const { events } = await emmettSqlite.readStream(open, streamId);
                  expectFolded(events.reduce(evolveEmmett, initialAccountState), events.length);
                }
              }),
            );
          });
        }
        options.log(
          `vs-emmett: read and folded ${streamCount} streams: ours ${ours.readMs.map(Math.round).join('/')} ms, Emmett ${emmett.readMs.map(Math.round).join('/')} ms`,
        );
      });
    } finally {
      connection?.close();
      // sqlite3 closes asynchronously: give it a moment before its files go.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const concurrentMs = await withStore(concurrentPath, (store) =>
      runPool(appends, 64, (position) => {
        const version = Math.floor(position / streamCount);
        const index = position % streamCount;
        return store.append(appendRequest(workload, workload.streams[index]!, index, version));
      }),
    );
    let shipped: { readonly append: Figure; readonly read: Figure } | null = null;
    let shippedFailure = emmett.failure;
    if (peer.loaded && !emmett.failure) {
      try {
        shipped = await measureShipped(peer.emmett, shippedPath, workload, shippedCount);
      } catch (error) {
        shippedFailure = `Emmett's as-shipped store failed: ${messageOf(error)}`;
      }
    }
    paths.forEach(removeDatabase);
    if (emmett.failure) options.log(`vs-emmett: ${emmett.failure}`);

    const skipped = emmett.failure ?? undefined;
    const emmettMeasured = !emmett.failure && emmett.readMs.length > 0;
    const oursAppend = { value: perSecond(appends, ours.appendMs), unit: 'ev/s' };
    const oursRead = { value: perSecond(streamCount, median(ours.readMs)), unit: 'streams/s' };
    const emmettAppend = emmettMeasured ? { value: perSecond(appends, emmett.appendMs), unit: 'ev/s' } : null;
    const emmettRead = emmettMeasured ? { value: perSecond(streamCount, median(emmett.readMs)), unit: 'streams/s' } : null;
    const target = [ratioAtLeast(TARGET_RATIO, `≥ ${TARGET_RATIO}× Emmett`)];
    const rows: ResultRow[] = [
      {
        workload: `append ${appends.toLocaleString('en-US')} events, one at a time`,
        ours: oursAppend,
        baseline: emmettAppend,
        target,
        skipped,
      },
      {
        workload: `read + fold ${streamCount.toLocaleString('en-US')} streams (median of ${readRounds})`,
        ours: oursRead,
        baseline: emmettRead,
        target,
        skipped,
      },
      {
        workload: 'append, 64 in flight (ours: group commit) vs Emmett one at a time',
        ours: { value: perSecond(appends, concurrentMs), unit: 'ev/s' },
        baseline: emmettAppend,
        skipped,
      },
      {
        workload: `append, one at a time, vs Emmett's getSQLiteEventStore as shipped (${shippedCount.toLocaleString('en-US')} appends)`,
        ours: oursAppend,
        baseline: shipped?.append ?? null,
        skipped: shippedFailure ?? undefined,
      },
      {
        workload: `read + fold, vs Emmett's aggregateStream as shipped (${shippedCount.toLocaleString('en-US')} streams)`,
        ours: oursRead,
        baseline: shipped?.read ?? null,
        skipped: shippedFailure ?? undefined,
      },
    ];
    return {
      title: `vs-emmett — ${streamCount.toLocaleString('en-US')} ${this.description}`,
      baseline:
        'Emmett 0.38.5 (@event-driven-io/emmett-sqlite on sqlite3 5.1.7) with one open connection: its appendToStream(connection, …) and readStream(connection, …) folded with the same evolve; same machine, same run, same events',
      rows,
      notes: [
        'Both stores on a file with WAL and synchronous=FULL; each append is its own durable transaction. Ours is the SqliteEventStore alone (no projections): hash chain, UUID v7 ids, metadata.',
        `The stores take turns: ${EVENTS_PER_STREAM} rounds of ${streamCount.toLocaleString('en-US')} appends each (ours, then Emmett), then ${readRounds === 1 ? 'one read' : `${readRounds} reads`} of every stream each (medians reported).`,
        `getSQLiteEventStore in 0.38.5 opens the database file for every call and closes it afterwards (no option keeps a connection), so the one-connection functions it is built from are the main comparison; the as-shipped store is shown for reference on ${shippedCount.toLocaleString('en-US')} streams.`,
        ...notes,
      ],
    };
  },
};

async function withStore<T>(path: string, work: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const connections = openSqlite(path);
  const store = new SqliteEventStore(connections.writer, connections.reader);
  try {
    return await work(store);
  } finally {
    await store.close();
    connections.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Emmett's store as 0.38.5 ships it (`getSQLiteEventStore`, which opens the file for every call): appends of a
 * first event to `count` streams, then `aggregateStream` of each.
 */
async function measureShipped(emmett: EmmettSqlite, path: string, workload: Workload, count: number) {
  const shipped = emmett.getSQLiteEventStore({ fileName: path });
  const streams = workload.streams.slice(0, count);
  const append = await timed(async () => {
    for (const [index, streamId] of streams.entries()) {
      const event = workload.events[0]![index]!;
      await shipped.appendToStream(streamId, [{ ...event, metadata: workload.metadata(index) }], { expectedStreamVersion: 0n });
    }
  });
  const read = await timed(async () => {
    for (const streamId of streams) {
      const { state } = await shipped.aggregateStream(streamId, { evolve: evolveEmmett, initialState: () => initialAccountState });
      if (!state.exists) throw new Error(`Emmett's store folded ${streamId} to nothing`);
    }
  });
  return {
    append: { value: perSecond(streams.length, append), unit: 'ev/s' },
    read: { value: perSecond(streams.length, read), unit: 'streams/s' },
  };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

async function settingsOf(connection: { querySingle<T>(sql: string): Promise<T | null> }) {
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  return { synchronous: synchronous?.synchronous ?? -1, journalMode: journal?.journal_mode ?? 'unknown' };
}

function evolveEmmett(state: AccountState, event: EmmettReadEvent): AccountState {
  return evolveAccount(state, event as unknown as AccountEvent);
}

function expectFolded(state: AccountState, events: number): void {
  if (!state.exists || events !== EVENTS_PER_STREAM)
    throw new Error(`a stream folded to ${JSON.stringify(state).slice(0, 80)} from ${events} events`);
}

function appendRequest(workload: Workload, streamId: string, index: number, version: number) {
  return {
    streams: [{ streamId, expectedVersion: version === 0 ? ('no-stream' as const) : version, events: [workload.events[version]![index]!] }],
    metadata: workload.metadata(index),
  };
}

function buildWorkload(count: number, seed: number): Workload {
  const random = new SeededRandom(seed);
  const ids = new SeededIds(seed + 7);
  const accountIds = Array.from({ length: count }, () => ids.next());
  const actorId = ids.next();
  const created: NewEvent[] = accountIds.map((accountId, index) => {
    const place = random.pick(CITIES);
    return {
      type: 'AccountCreated',
      schemaVersion: 1,
      data: {
        accountId,
        ownerId: actorId,
        name: `${random.pick(COMPANY_STEMS)} ${index + 1}`,
        accountNumber: `ACC-${String(100000 + index)}`,
        phone: `+48 22 ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
        email: `biuro@firma${index}.example.com`,
        website: `https://www.firma${index}.example.com`,
        industry: random.pick(INDUSTRIES),
        annualRevenue: `${random.int(1, 5000) * 10000}.00`,
        numberOfEmployees: random.int(3, 5000),
        description: null,
        address: {
          line1: `ul. Długa ${random.int(1, 180)}`,
          line2: null,
          line3: null,
          city: place.city,
          stateOrProvince: place.region,
          postalCode: `${place.postal}001`,
          country: place.country,
          latitude: place.lat,
          longitude: place.lon,
        },
        parentAccountId: null,
        primaryContactId: null,
      },
    };
  });
  const updates = Array.from({ length: EVENTS_PER_STREAM - 1 }, (_, round) =>
    accountIds.map((accountId): NewEvent => ({
      type: 'AccountUpdated',
      schemaVersion: 1,
      data: {
        accountId,
        phone: `+48 22 ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
        numberOfEmployees: 10 + round,
      },
    })),
  );
  const commandIds = new SeededIds(seed + 8);
  return {
    streams: accountIds.map((id) => streamIds.account(id)),
    events: [created, ...updates],
    metadata: () => {
      const commandId = commandIds.next();
      return { actorId, commandId, correlationId: commandId, causationId: null, source: 'api' };
    },
  };
}
