import { benchmark as addressSuggestions } from './address-suggestions.bench';
import { benchmark as asOf } from './as-of.bench';
import { benchmark as commands } from './commands.bench';
import { benchmark as importFiles } from './import.bench';
import { benchmark as personalData } from './personal-data.bench';
import { benchmark as query } from './query.bench';
import { benchmark as rebuild } from './rebuild.bench';
import { benchmark as scale } from './scale.bench';
import { benchmark as vsEmmett } from './vs-emmett.bench';
import type { Benchmark } from './support/benchmark';

/** Every benchmark, in the order `npm run bench` runs them. */
export const ALL_BENCHMARKS: readonly Benchmark[] = [
  commands,
  personalData,
  vsEmmett,
  rebuild,
  asOf,
  query,
  scale,
  addressSuggestions,
  importFiles,
];
