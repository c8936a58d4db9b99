import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_BENCHMARKS } from '../../bench/all-benchmarks';
import type { Benchmark } from '../../bench/support/benchmark';
import { runBenchmarks } from '../../bench/support/run-benchmarks';

/** Runs one benchmark on tiny datasets (no timing is asserted) and returns what it printed. */
async function runTiny(benchmark: Benchmark, dataDir: string): Promise<string> {
  const printed: string[] = [];
  await runBenchmarks([benchmark], { size: 'tiny', dataDir, seed: 42, installPeers: false, log: () => undefined }, (text) =>
    printed.push(text),
  );
  return printed.join('\n');
}

describe('the benchmarks on tiny datasets', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(ALL_BENCHMARKS.map((benchmark) => [benchmark.name, benchmark] as const))(
    '%s starts, finishes and prints its table',
    async (name, benchmark) => {
      const output = await runTiny(benchmark, dataDir);
      expect(output).not.toContain('FAILED');
      expect(output).toContain(`### ${name} — `);
      expect(output).toMatch(/^\| workload +\| ours +\| baseline +\| ratio +\| target +\| met\? +\|$/mu);
    },
    60_000,
  );
});
