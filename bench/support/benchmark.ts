import type { ResultTable } from './result-table';

/** `full` is the real run; `tiny` checks that a benchmark starts and finishes (the smoke test). */
export type BenchSize = 'tiny' | 'full';

export interface BenchOptions {
  readonly size: BenchSize;
  /** Where generated datasets are cached (keyed by size and seed) and scratch databases live. */
  readonly dataDir: string;
  /** Progress lines (stderr in a run): never part of the table. */
  readonly log: (line: string) => void;
  /** Whether a missing benchmark peer (Emmett) may be installed into bench/.peers. */
  readonly installPeers: boolean;
  /** Seeds every generated dataset: the same seed gives the same data. */
  readonly seed: number;
}

/** A benchmark, graphql-js style: a name and a `measure` that returns one table. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  measure(options: BenchOptions): Promise<ResultTable>;
}

/** The value for the run's size. */
export function bySize<T>(options: Pick<BenchOptions, 'size'>, sizes: { readonly tiny: T; readonly full: T }): T {
  return sizes[options.size];
}
