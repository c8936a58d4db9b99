import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import type { Benchmark, BenchOptions } from './benchmark';
import { formatTable } from './result-table';
import { nowMs } from './timing';

/** The machine and the run, printed above the tables (RESULTS.md quotes it). */
export function describeRun(options: BenchOptions, names: readonly string[]): string {
  const cpu = cpus();
  return [
    '## Benchmark run',
    '',
    `- machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}`,
    `- node ${process.version}; date: ${new Date().toString()}`,
    `- code: ${describeCheckout()}`,
    `- size: ${options.size}, seed ${options.seed}; benchmarks: ${names.join(', ')}`,
    '',
  ].join('\n');
}

/**
 * Runs the benchmarks one after another and prints each table as soon as it is measured. A benchmark that
 * fails is reported and the others still run; returns the names of the failed ones.
 */
export async function runBenchmarks(
  benchmarks: readonly Benchmark[],
  options: BenchOptions,
  print: (text: string) => void,
): Promise<string[]> {
  print(
    describeRun(
      options,
      benchmarks.map((benchmark) => benchmark.name),
    ),
  );
  const failed: string[] = [];
  for (const benchmark of benchmarks) {
    options.log(`== ${benchmark.name}: ${benchmark.description}`);
    const started = nowMs();
    try {
      const table = await benchmark.measure(options);
      print(formatTable(table));
      options.log(`== ${benchmark.name} took ${((nowMs() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(benchmark.name);
      print(`### ${benchmark.name} — FAILED\n\n    ${String((error as Error).stack ?? error).replace(/\n/gu, '\n    ')}\n`);
    }
  }
  return failed;
}

/** The commit measured, and whether the working tree had changes on top of it (outside bench/). */
function describeCheckout(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain', '--', ':/', ':!bench', ':!test/bench').split('\n').filter(Boolean).length;
    return changed > 0 ? `commit ${commit} with ${changed} uncommitted changes outside bench/` : `commit ${commit}`;
  } catch {
    return 'not a git checkout';
  }
}
