import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The live heap after a full collection, in MB: what the process still holds, not what it has yet to free. */
export function liveHeapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** Least-squares slope of samples taken at equal intervals, per interval. */
export function slope(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = samples.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  samples.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    variance += (x - meanX) ** 2;
  });
  return covariance / variance;
}
