import { appendFileSync } from 'node:fs';

/** One measurement of the suite, as REPORT.md lists it. */
export interface Figure {
  readonly suite: string;
  readonly database: string;
  readonly figures: Record<string, unknown>;
}

/**
 * Records what a test measured (load held, faults injected, inputs tried …) for `npm run test:soak`, which sets
 * RELIABILITY_FIGURES_FILE and writes REPORT.md from it; elsewhere figures go nowhere.
 */
export function recordFigures(suite: string, database: string, figures: Record<string, unknown>): void {
  const file = process.env.RELIABILITY_FIGURES_FILE;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ suite, database, figures } satisfies Figure)}\n`);
}
