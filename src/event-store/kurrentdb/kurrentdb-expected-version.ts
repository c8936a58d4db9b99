import { ANY, NO_STREAM, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../event-store';
import { toSafeNumber } from './kurrentdb-position';

/*
 * Our stream versions are 1-based (1 = the first event, 0 = no stream); KurrentDB revisions are 0-based bigints
 * (0 = the first event) with `no_stream` for a stream that does not exist. Version v is revision v - 1.
 */

/** The KurrentDB expectation for ours: 'any' → any, 'no-stream' or 0 → no_stream, v ≥ 1 → revision v - 1. */
export function streamStateFor(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream' || expected === 0) return NO_STREAM;
  return revisionOfVersion(expected);
}

/** The revision of the event at `version` (≥ 1). */
export function revisionOfVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`A stream version is an integer ≥ 1, not ${version}`);
  return BigInt(version - 1);
}

/** Our version of a stream whose last event has `revision`. */
export function versionOfRevision(revision: bigint): number {
  return toSafeNumber(revision, 'A stream revision') + 1;
}

/**
 * Our version for the state the server reports a stream in: `no_stream` → 0, revision r → r + 1. The server
 * reports a deleted (-5) or tombstoned (-6) stream with a negative number: it has no events either, so 0.
 */
export function versionOfStreamState(state: CurrentStreamState): number {
  if (state === NO_STREAM || state < 0n) return 0;
  return versionOfRevision(state);
}

/** The expectation for a stream at exactly `version` (0 = does not exist): what an append that chains from it must hold. */
export function exactStreamState(version: number): AppendStreamState {
  return version === 0 ? NO_STREAM : revisionOfVersion(version);
}
