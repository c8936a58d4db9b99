import { GENESIS_HASH } from '../hash-chain';
import { LruMap } from '../../shared/lru-map';

/** The last event of a stream as the chain needs it: its version (0 = no events) and hash. */
export interface ChainHead {
  readonly version: number;
  readonly hash: string;
}

export const EMPTY_STREAM_HEAD: ChainHead = { version: 0, hash: GENESIS_HASH };

/**
 * The last known chain head per stream, so that an append at the version a command just read (or this store
 * just wrote) need not read the stream's last event again. Safe however stale: the hash of version v of a
 * stream never changes (KurrentDB events are immutable and revisions are never reused), and an entry is only
 * used when the append expects exactly its version, which the server then checks atomically.
 * Least recently used entries are dropped beyond `capacity`.
 */
export class KurrentDbChainHeads {
  private readonly heads: LruMap<string, ChainHead>;

  constructor(capacity = 10_000) {
    this.heads = new LruMap(capacity);
  }

  /** The head of `streamId` if it is known to be at `version`. */
  at(streamId: string, version: number): ChainHead | null {
    const head = this.heads.get(streamId);
    if (!head || head.version !== version) return null;
    return head;
  }

  /** Remembers a head; an older version than the one known is ignored. */
  remember(streamId: string, head: ChainHead): void {
    const known = this.heads.peek(streamId);
    if (known && known.version > head.version) return;
    this.heads.set(streamId, head);
  }
}
