/**
 * The reliability suite runs short variants in `npm test` and long ones under `npm run test:soak`
 * (RELIABILITY_SOAK=1). SOAK_SECONDS overrides the load test's duration (e.g. 600 for ten minutes).
 */
export const SOAK = process.env.RELIABILITY_SOAK === '1';

/** The load test's duration in seconds: a few seconds in `npm test`, 60 s (or SOAK_SECONDS) under soak. */
export function loadSeconds(): number {
  const requested = Number(process.env.SOAK_SECONDS);
  if (Number.isFinite(requested) && requested > 0) return requested;
  return SOAK ? 60 : 3;
}

/** Picks the quick or the soak size of a parameter. */
export function sized<T>(quick: T, soak: T): T {
  return SOAK ? soak : quick;
}

/** The random seed of the generators: RELIABILITY_SEED reproduces a failing run. */
export const RELIABILITY_SEED = Number(process.env.RELIABILITY_SEED ?? 20_260_411);
