import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { SYSTEM_ACTOR_ID } from '../events';
import { openCrm, type Crm } from '../src/app/open-crm';
import { HistoryService } from '../src/history/history-service';
import { TimelineCache } from '../src/history/timeline-cache';
import { ManualClock } from '../src/shared/clock';
import { SeededRandom } from '../src/seed/random';
import { bySize, type Benchmark } from './support/benchmark';
import type { Check, ResultRow } from './support/result-table';
import { nowMs, summarizeLatencies } from './support/timing';

const TARGET_MS = 50;
const READS = 200;

const under = (ms: number): Check => ({ text: `p99 < ${ms} ms`, test: (ours) => ours < ms });

/** One account with `updates` changes, one a minute, by the ordinary commands. */
async function longStream(crm: Crm, clock: ManualClock, updates: number): Promise<{ id: string; start: Date; end: Date }> {
  const owner = await crm
    .commands({ actorId: SYSTEM_ACTOR_ID, source: 'cli' })
    .registerUser({ email: 'owner@example.com', name: 'Owner', roles: ['SALES_MANAGER'] });
  const commands = crm.commands({ actorId: owner.result.id, source: 'cli' });
  const start = clock.now();
  const { result } = await commands.createAccount({ name: 'Long-lived Ltd', numberOfEmployees: 1 });
  for (let i = 1; i <= updates; i += 1) {
    clock.advance(60_000);
    await commands.updateAccount({ id: result.id, numberOfEmployees: i + 1, ...(i % 10 === 0 ? { name: `Long-lived Ltd ${i}` } : {}) });
  }
  return { id: result.id, start, end: clock.now() };
}

/** Times `READS` reads as of random instants across the stream's life; p99 in ms. */
async function timeReads(read: (at: Date) => Promise<unknown>, instants: readonly Date[]) {
  const latencies: number[] = [];
  for (const at of instants) {
    const started = nowMs();
    await read(at);
    latencies.push(nowMs() - started);
  }
  return summarizeLatencies(latencies);
}

/**
 * Time travel on a long stream: the account as it was at random instants of a 10,000-event history, folded
 * from snapshots (every 500 events, kept in memory), against folding from the first event every time.
 */
export const benchmark: Benchmark = {
  name: 'as-of',
  description: 'account(id, asOf) on one account with a 10,000-event stream: snapshots against folding from the start',
  async measure(options) {
    const updates = bySize(options, { tiny: 600, full: 10_000 });
    const path = join(options.dataDir, `as-of-${options.size}.db`);
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    const clock = new ManualClock(new Date('2020-01-01T00:00:00.000Z'));
    const crm = await openCrm({ databaseUrl: `sqlite:${path}`, clock });
    try {
      const started = nowMs();
      const stream = await longStream(crm, clock, updates);
      options.log(`as-of: ${updates + 1} events on one account in ${Math.round(nowMs() - started)} ms`);
      const random = new SeededRandom(options.seed);
      const span = stream.end.getTime() - stream.start.getTime();
      const instants = Array.from({ length: READS }, () => new Date(stream.start.getTime() + Math.floor(random.next() * span)));
      const cold = new HistoryService(crm.store, crm.db, new TimelineCache({ capacity: 0 }));
      const warm = new HistoryService(crm.store, crm.db);
      await warm.asOf('ACCOUNT', stream.id, stream.end); // fills the snapshots once, as the first reader would
      const fromStart = await timeReads((at) => cold.asOf('ACCOUNT', stream.id, at), instants);
      const snapshots = await timeReads((at) => warm.asOf('ACCOUNT', stream.id, at), instants);
      const newestPage = await timeReads(() => warm.history(stream.id, 50, null), instants.slice(0, 50));
      const rows: ResultRow[] = [
        {
          workload: `asOf, ${(updates + 1).toLocaleString('en-US')}-event stream, p99`,
          ours: { value: snapshots.p99, unit: 'ms' },
          baseline: { value: fromStart.p99, unit: 'ms' },
          target: [under(TARGET_MS)],
        },
        {
          workload: 'asOf, mean',
          ours: { value: snapshots.mean, unit: 'ms' },
          baseline: { value: fromStart.mean, unit: 'ms' },
        },
        { workload: 'history, newest 50 entries, p99', ours: { value: newestPage.p99, unit: 'ms' }, target: [under(TARGET_MS)] },
      ];
      return {
        title: `as-of — ${this.description}`,
        baseline: 'the same reads folding the whole stream from its first event (no snapshots), in the same run',
        rows,
        notes: [`${READS} reads at seeded random instants; snapshots every 500 events, filled by one read before timing.`],
      };
    } finally {
      await crm.close();
    }
  },
};
