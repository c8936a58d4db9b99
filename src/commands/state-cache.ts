import { LruMap } from '../shared/lru-map';

/** A folded stream: the state after `version` events, and the position of its last event. */
export interface CachedState {
  readonly state: unknown;
  readonly version: number;
  readonly lastPosition: number;
  /** The fold it was made with; an entry is only reused by the same fold. */
  readonly evolve: unknown;
}

/**
 * A bounded LRU of folded stream states. An entry is never trusted blindly: a load still reads the events
 * after the cached version (usually none) and folds them on, and a stale entry that slipped through is
 * caught by the append's expected-version check (conflict → reload → retry).
 */
export class StateCache {
  private readonly entries: LruMap<string, CachedState>;

  constructor(capacity = 10_000) {
    this.entries = new LruMap(capacity);
  }

  get(streamId: string): CachedState | undefined {
    return this.entries.get(streamId);
  }

  set(streamId: string, entry: CachedState): void {
    this.entries.set(streamId, entry);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
