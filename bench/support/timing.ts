/** Milliseconds from a monotonic clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `work` and returns how long it took, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = nowMs();
  await work();
  return nowMs() - started;
}

export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
}

/**
 * Runs `task(0) … task(total - 1)`, keeping `concurrency` of them in flight (a new one starts as soon as one
 * settles); returns the elapsed ms. The first failure stops the run and is thrown.
 */
export async function runPool(total: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<number> {
  const started = nowMs();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return nowMs() - started;
}

/** Latency percentiles (ms) of a set of samples. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, p50: at(50), p99: at(99), mean };
}

/** Lets pending I/O callbacks run (between phases of a benchmark). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
