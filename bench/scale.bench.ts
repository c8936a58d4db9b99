import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCrm } from '../src/app/open-crm';
import { bySize, type Benchmark, type BenchOptions } from './support/benchmark';
import { IN_FLIGHT, freeContactsNeeded, issueCommand, prepareFixture } from './support/command-workload';
import { copyDataset, ensureCrmDataset, removeDatabase, type CrmDataset } from './support/crm-dataset';
import { crmExecutor, pageOf, sequentialLatencies } from './support/graphql-workload';
import { measureRebuild } from './rebuild.bench';
import { atLeast, formatNumber, type Check, type Figure, type ResultRow } from './support/result-table';
import { perSecond, runPool } from './support/timing';

interface ScaleFigures {
  readonly write: Figure;
  readonly rebuild: Figure;
  readonly rawRead: Figure;
  readonly query: Figure;
}

/**
 * How the write, rebuild and query figures move as the history grows: each measured on the cached datasets
 * of 10k, 100k and 1M events and compared with the same figure at the smallest size.
 */
export const benchmark: Benchmark = {
  name: 'scale',
  description: 'write (mixed commands), rebuild and query figures as the history grows',
  async measure(options) {
    const sizes = bySize(options, { tiny: [500, 1_000, 2_000], full: [10_000, 100_000, 1_000_000] });
    const commands = bySize(options, { tiny: 60, full: 6_000 });
    const queries = bySize(options, { tiny: 10, full: 300 });
    const measured: { dataset: CrmDataset; figures: ScaleFigures }[] = [];
    for (const events of sizes) {
      const dataset = await ensureCrmDataset({ dataDir: options.dataDir, events, seed: options.seed, log: options.log });
      const write = await measureWrite(dataset, commands, options);
      const { ours: rebuild, raw: rawRead } = await measureRebuild(dataset, options);
      const query = await measureQuery(dataset, queries, options);
      options.log(
        `scale: ${events} events: write ${Math.round(write.value)} cmd/s, rebuild ${Math.round(rebuild.value)} ev/s, query ${Math.round(query.value)} req/s`,
      );
      measured.push({ dataset, figures: { write, rebuild, rawRead, query } });
    }
    const metrics: { key: 'write' | 'rebuild' | 'query'; label: string; target: Check[] }[] = [
      { key: 'write', label: `write: mixed commands, ${IN_FLIGHT} in flight`, target: [atLeast(20_000, 'cmd/s')] },
      { key: 'rebuild', label: 'rebuild: every projection', target: [atLeast(100_000, 'ev/s')] },
      {
        key: 'query',
        label: 'query: accounts page of 50 (contacts, opportunities, invoices, health), in process, one at a time',
        target: [],
      },
    ];
    const smallest = measured[0]!;
    const rows: ResultRow[] = metrics.flatMap(({ key, label, target }) =>
      measured.map(({ dataset, figures }) => ({
        workload: `${label} @ ${formatEvents(dataset.events)} events`,
        ours: figures[key],
        baseline: dataset === smallest.dataset ? null : smallest.figures[key],
        target,
      })),
    );
    return {
      title: `scale — ${this.description}`,
      baseline: `the same figure at ${formatEvents(smallest.dataset.events)} events, measured in the same run`,
      rows,
      notes: [
        `Write: ${commands.toLocaleString('en-US')} commands (createContact, updateAccount, associateContacts in turn) on a copy of the dataset, accounts taken from its read model, a cold state cache.`,
        `Raw read+parse for the rebuild at each size: ${measured.map(({ dataset, figures }) => `${formatEvents(dataset.events)} ${formatNumber(figures.rawRead.value)} ev/s`).join(', ')}.`,
        `Datasets: ${measured.map(({ dataset }) => `${formatEvents(dataset.events)} generated in ${(dataset.generatedMs / 1000).toFixed(1)} s + projected in ${(dataset.projectedMs / 1000).toFixed(1)} s`).join('; ')} (cached in the data folder after the first run).`,
      ],
    };
  },
};

async function measureWrite(dataset: CrmDataset, count: number, options: BenchOptions): Promise<Figure> {
  const scratch = join(options.dataDir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const path = copyDataset(dataset, join(scratch, `scale-write-${process.pid}.db`));
  try {
    const crm = await openCrm({ databaseUrl: `sqlite:${path}` });
    try {
      const fixture = await prepareFixture(crm, dataset.userIds[0]!, {
        existingAccounts: 2_000,
        freeContacts: freeContactsNeeded('mixed', count),
        seed: options.seed,
      });
      // The fixture's own commands warmed the cache for its contacts only: existing accounts stay cold.
      const ms = await runPool(count, IN_FLIGHT, (index) => issueCommand(fixture, 'mixed', index, options.seed));
      return { value: perSecond(count, ms), unit: 'cmd/s' };
    } finally {
      await crm.close();
    }
  } finally {
    removeDatabase(path);
  }
}

async function measureQuery(dataset: CrmDataset, iterations: number, options: BenchOptions): Promise<Figure> {
  const crm = await openCrm({ databaseUrl: `sqlite:${dataset.path}` });
  try {
    const executor = await crmExecutor(crm, dataset.userIds[0]!);
    const latencies = await sequentialLatencies(executor, pageOf(50), iterations, Math.ceil(iterations / 10));
    options.log(`scale: query at ${dataset.events} events: p50 ${latencies.p50.toFixed(2)} ms`);
    return { value: latencies.perSecond, unit: 'req/s' };
  } finally {
    await crm.close();
  }
}

function formatEvents(events: number): string {
  if (events >= 1_000_000 && events % 1_000_000 === 0) return `${events / 1_000_000}M`;
  if (events >= 1_000 && events % 1_000 === 0) return `${events / 1_000}k`;
  return String(events);
}
