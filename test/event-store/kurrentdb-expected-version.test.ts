import { ANY, NO_STREAM } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../../src/event-store/event-store';
import {
  exactStreamState,
  revisionOfVersion,
  streamStateFor,
  versionOfRevision,
  versionOfStreamState,
} from '../../src/event-store/kurrentdb/kurrentdb-expected-version';

describe('KurrentDB expected versions: our 1-based versions and KurrentDB 0-based revisions', () => {
  it.each<[ExpectedVersion, ReturnType<typeof streamStateFor>]>([
    ['any', ANY],
    ['no-stream', NO_STREAM],
    [0, NO_STREAM],
    [1, 0n],
    [2, 1n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER - 1)],
  ])('expects %p as the KurrentDB stream state %p', (expected, state) => {
    expect(streamStateFor(expected)).toBe(state);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p as an expected version', (expected) => {
    expect(() => streamStateFor(expected)).toThrow(RangeError);
  });

  it.each([
    [1, 0n],
    [7, 6n],
  ])('stores version %p at revision %p, and reads it back', (version, revision) => {
    expect(revisionOfVersion(version)).toBe(revision);
    expect(versionOfRevision(revision)).toBe(version);
  });

  it.each<[Parameters<typeof versionOfStreamState>[0], number]>([
    [NO_STREAM, 0],
    [0n, 1],
    [41n, 42],
    [-5n, 0],
    [-6n, 0],
  ])('reads the actual state %p the server reports as version %p (deleted and tombstoned streams have none)', (state, version) => {
    expect(versionOfStreamState(state)).toBe(version);
  });

  it('holds a stream at exactly the version its chain continues from', () => {
    expect(exactStreamState(0)).toBe(NO_STREAM);
    expect(exactStreamState(3)).toBe(2n);
  });

  it('refuses a revision a JavaScript number cannot hold', () => {
    expect(() => versionOfRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
  });
});
