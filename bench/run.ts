import 'reflect-metadata';
import { join } from 'node:path';
import { ALL_BENCHMARKS } from './all-benchmarks';
import type { BenchOptions, BenchSize } from './support/benchmark';
import { runBenchmarks } from './support/run-benchmarks';

const USAGE = `Usage: npm run bench -- [benchmark…] [--tiny] [--seed N] [--data-dir DIR] [--no-install]
  benchmarks: ${ALL_BENCHMARKS.map((benchmark) => benchmark.name).join(', ')} (all when none is named)
  --tiny        tiny datasets: checks that the benchmarks run (also BENCH_SIZE=tiny)
  --seed N      seed of every generated dataset (default 42)
  --data-dir    where generated datasets are cached (default bench/.data)
  --no-install  do not install the Emmett peer into bench/.peers when it is missing`;

/** Tables go to stdout (Markdown, ready for RESULTS.md); progress goes to stderr. */
async function main(argv: readonly string[]): Promise<number> {
  const names: string[] = [];
  let size: BenchSize = process.env.BENCH_SIZE === 'tiny' ? 'tiny' : 'full';
  let seed = 42;
  let dataDir = join(__dirname, '.data');
  let installPeers = true;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--tiny') size = 'tiny';
    else if (arg === '--seed') seed = Number(argv[++i]);
    else if (arg === '--data-dir') dataDir = argv[++i] ?? dataDir;
    else if (arg === '--no-install') installPeers = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      console.error(`Unknown option ${arg}\n${USAGE}`);
      return 2;
    } else names.push(arg);
  }
  if (!Number.isInteger(seed)) {
    console.error(`--seed needs a whole number\n${USAGE}`);
    return 2;
  }
  const unknown = names.filter((name) => !ALL_BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const chosen = names.length === 0 ? ALL_BENCHMARKS : ALL_BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
  const options: BenchOptions = { size, seed, dataDir, installPeers, log: (line) => console.error(line) };
  const failed = await runBenchmarks(chosen, options, (text) => console.log(text));
  if (failed.length > 0) console.error(`Failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
