import { openCrm } from '../src/app/open-crm';
import { bySize, type Benchmark, type BenchOptions } from './support/benchmark';
import { ensureCrmDataset, type CrmDataset } from './support/crm-dataset';
import { readAndParseAllEvents } from './support/raw-sqlite';
import { atLeast, ratioAtLeast, type ResultRow } from './support/result-table';
import { perSecond, timed } from './support/timing';

const TARGET_EVENTS_PER_SECOND = 100_000;
const TARGET_SHARE_OF_RAW = 1 / 3;

/** Events in the replayed history: 1,000,000 in the full run. */
export function rebuildSize(options: Pick<BenchOptions, 'size'>): number {
  return bySize(options, { tiny: 2_000, full: 1_000_000 });
}

/** Replays a realistic history into every projection (`crm.rebuild()`), against reading and parsing the same rows raw. */
export const benchmark: Benchmark = {
  name: 'rebuild',
  description:
    'crm.rebuild(): every event replayed into fresh tables of every projection (records, sales, activities, relationships, audit)',
  async measure(options) {
    const dataset = await ensureCrmDataset({
      dataDir: options.dataDir,
      events: rebuildSize(options),
      seed: options.seed,
      log: options.log,
    });
    const { ours, raw } = await measureRebuild(dataset, options);
    const rows: ResultRow[] = [
      {
        workload: `rebuild ${dataset.events.toLocaleString('en-US')} events`,
        ours,
        baseline: raw,
        target: [atLeast(TARGET_EVENTS_PER_SECOND, 'ev/s'), ratioAtLeast(TARGET_SHARE_OF_RAW, '≥ ⅓ of raw')],
      },
    ];
    return {
      title: `rebuild — ${this.description}`,
      baseline:
        'raw better-sqlite3 over the same database: SELECT … FROM events ORDER BY global_position, JSON.parse of data and metadata, nothing else',
      rows,
      notes: [datasetNote(dataset)],
    };
  },
};

/** Measures the raw read first (it also warms the page cache for both), then the rebuild. */
export async function measureRebuild(dataset: CrmDataset, options: BenchOptions) {
  const raw = readAndParseAllEvents(dataset.path);
  options.log(`rebuild: raw read+parse of ${raw.count} events in ${Math.round(raw.ms)} ms`);
  const crm = await openCrm({ databaseUrl: `sqlite:${dataset.path}` });
  let ms: number;
  try {
    let shown = 0;
    ms = await timed(() =>
      crm.rebuild(undefined, ({ projection, position, head }) => {
        if (position - shown >= 250_000 || position === head) {
          shown = position === head ? 0 : position;
          options.log(`rebuild:   ${projection} ${position.toLocaleString('en-US')}/${head.toLocaleString('en-US')}`);
        }
      }),
    );
  } finally {
    await crm.close();
  }
  options.log(`rebuild: ${dataset.events} events in ${Math.round(ms)} ms`);
  return { ours: { value: perSecond(dataset.events, ms), unit: 'ev/s' }, raw: { value: perSecond(raw.count, raw.ms), unit: 'ev/s' } };
}

/** How the dataset was made and how long that took (reported so reruns know what the cache saves). */
export function datasetNote(dataset: CrmDataset): string {
  const made = `generated in ${(dataset.generatedMs / 1000).toFixed(1)} s + read models projected in ${(dataset.projectedMs / 1000).toFixed(1)} s`;
  return `Dataset: ${dataset.events.toLocaleString('en-US')} events of a realistic mix (seed ${dataset.seed}), ${made}${dataset.reused ? ' (cached from an earlier run)' : ''}.`;
}
