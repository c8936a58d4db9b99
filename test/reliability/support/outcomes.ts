import type { GraphQLResponse } from '../../support/graphql-client';

/** The error code of a GraphQL answer, or 'OK' when it answered with data and no error. */
export function outcomeOf(response: GraphQLResponse<unknown>): string {
  const error = response.errors?.[0];
  if (!error) return response.data ? 'OK' : 'NO_DATA';
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'UNCODED';
}

/** How many answers had each outcome: `{ OK: 1, CONFLICT: 49 }`. */
export function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
