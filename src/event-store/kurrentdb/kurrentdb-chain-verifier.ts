import type { ChainReport } from '../event-store';
import { GENESIS_HASH, chainHash } from '../hash-chain';
import { chainedFieldsOf, isOwnRecord, type StoredRecord } from './kurrentdb-record';

interface StreamChain {
  /** The version and position of the first event of the stream seen in `$all`. */
  readonly firstVersion: number;
  readonly firstPosition: number;
  version: number;
  hash: string;
  broken: boolean;
}

/** One of our streams seen in `$all`: where its history must start when read through the stream. */
export interface SeenStream {
  readonly streamId: string;
  readonly firstVersion: number;
}

/**
 * Checks the per-stream hash chains while `$all` is walked in order. KurrentDB has no global write lock, so
 * each event chains from the previous event of its own stream (GENESIS for the first), not from the previous
 * event in `$all`.
 *
 * A link is broken when an event of a stream this store wrote lacks the store's metadata (written behind its
 * back), does not follow its predecessor's version (earlier events were scavenged away), names another
 * predecessor hash, or does not hash to its stored hash (edited payload or metadata). Events KurrentDB still
 * holds in `$all` but hides from their stream (truncation, `$maxAge`/`$maxCount`, a deleted stream — the only
 * ways to remove events, always a prefix of the stream) are found by `checkVisible` after the walk.
 *
 * Every stream is checked to its end; the report names the lowest broken position.
 */
export class KurrentDbChainVerifier {
  private readonly streams = new Map<string, StreamChain>();
  private checked = 0;
  private firstBroken: number | null = null;

  check(record: StoredRecord): void {
    const chain = this.streams.get(record.streamId);
    if (!isOwnRecord(record)) {
      // In a stream this store never wrote, a foreign event is simply not ours; in one of ours it is a forgery.
      if (chain) this.breakAt(chain, record.globalPosition);
      return;
    }
    let current = chain;
    if (!current) {
      current = { firstVersion: record.streamVersion, firstPosition: record.globalPosition, version: 0, hash: GENESIS_HASH, broken: false };
      this.streams.set(record.streamId, current);
    }
    if (current.broken) return;
    this.checked += 1;
    const follows =
      record.streamVersion === current.version + 1 &&
      record.meta.prevHash === current.hash &&
      chainHash(current.hash, chainedFieldsOf(record)) === record.meta.hash;
    if (!follows) {
      this.breakAt(current, record.globalPosition);
      return;
    }
    current.version = record.streamVersion;
    current.hash = record.meta.hash;
  }

  /** The streams whose first events must still be readable through the stream. */
  seenStreams(): SeenStream[] {
    return [...this.streams].map(([streamId, chain]) => ({ streamId, firstVersion: chain.firstVersion }));
  }

  /**
   * Records what the stream shows: the version of its first readable event, or null when it shows none (deleted).
   * If that is later than the first event `$all` still holds, that event was removed from the stream: the chain
   * breaks there.
   */
  checkVisible(streamId: string, firstVisibleVersion: number | null): void {
    const chain = this.streams.get(streamId);
    if (!chain) return;
    if (firstVisibleVersion === null || firstVisibleVersion > chain.firstVersion) this.breakAt(chain, chain.firstPosition);
  }

  report(): ChainReport {
    return { ok: this.firstBroken === null, eventsChecked: this.checked, firstBrokenPosition: this.firstBroken };
  }

  private breakAt(chain: StreamChain, position: number): void {
    chain.broken = true;
    if (this.firstBroken === null || position < this.firstBroken) this.firstBroken = position;
  }
}
