import {
  AppendConsistencyViolationError,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  UnsupportedError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { versionOfStreamState } from './kurrentdb-expected-version';

/** What the append needs from the server and a server without it lacks. */
export type MissingAppendFeature =
  /** Writing to more than one stream in one atomic append: `multiStreamAppend`, KurrentDB 25.1+. */
  | 'multi-stream-append'
  /** Naming a stream only as a condition (no events) next to the writes: `appendRecords` checks, KurrentDB 26.1+. */
  | 'consistency-checks';

/**
 * The append names several streams (or a stream as a pure condition) and the server cannot write them in one
 * atomic operation. Nothing was written: the adapter refuses rather than write part of a command.
 */
export class MultiStreamAppendUnsupportedError extends Error {
  override readonly name = 'MultiStreamAppendUnsupportedError';
  constructor(
    readonly streamIds: readonly string[],
    readonly missing: MissingAppendFeature,
  ) {
    super(
      `This command appends atomically to ${streamIds.join(', ')}; ${describeMissing(missing)}. Nothing was written. ` +
        'Use a KurrentDB server that supports it (or the SQLite/PostgreSQL event store).',
    );
  }
}

function describeMissing(missing: MissingAppendFeature): string {
  switch (missing) {
    case 'multi-stream-append':
      return 'this KurrentDB server has no multi-stream append (needs KurrentDB 25.1 or later)';
    case 'consistency-checks':
      return 'a stream named only as a condition needs appendRecords consistency checks (KurrentDB 26.1 or later)';
  }
}

/** One stream the server found at another version than the append expected. */
export interface StreamConflict {
  /** The KurrentDB stream name. */
  readonly streamName: string;
  /** Its actual version, ours (1-based, 0 = no events). */
  readonly actual: number;
}

/**
 * The streams a refused append conflicted on, whichever append API refused it: `WrongExpectedVersionError` from
 * `appendToStream` and `multiStreamAppend`, `AppendConsistencyViolationError` (one entry per failed check, in
 * check order) from `appendRecords`. Null for any other error.
 */
export function conflictsOf(error: unknown): StreamConflict[] | null {
  if (error instanceof KurrentWrongExpectedVersionError) {
    return [{ streamName: error.streamName, actual: versionOfStreamState(error.actualState) }];
  }
  if (error instanceof AppendConsistencyViolationError) {
    return [...error.violations]
      .sort((a, b) => a.checkIndex - b.checkIndex)
      .map((violation) => ({ streamName: violation.streamName, actual: versionOfStreamState(violation.actualState) }));
  }
  return null;
}

/** The stream has no readable events: it never existed, or it was deleted (soft: not found; hard: deleted/tombstoned). */
export function isMissingStream(error: unknown): boolean {
  return error instanceof StreamNotFoundError || error instanceof StreamDeletedError || error instanceof StreamTombstonedError;
}

/** The server is too old for the API called; the client refuses before sending anything. */
export function isUnsupported(error: unknown): boolean {
  return error instanceof UnsupportedError;
}
