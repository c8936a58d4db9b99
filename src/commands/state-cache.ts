import { evictOldest } from '../shared/lru-eviction';

/** A folded stream: the state after `version` events, and the position of its last event. */
export interface CachedState {
  readonly state: unknown;
  readonly version: number;
  readonly lastPosition: number;
  /** The fold it was made with; an entry is only reused by the same fold. */
  readonly evolve: unknown;
}

/**
 * A bounded LRU of folded stream states (at most an eighth over capacity between evictions). An entry is never trusted blindly: a load still reads the events
 * after the cached version (usually none) and folds them on, and a stale entry that slipped through is
 * caught by the append's expected-version check (conflict → reload → retry).
 */
export class StateCache {
  private readonly entries = new Map<string, CachedState>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): CachedState | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedState): void {
    if (this.capacity <= 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    evictOldest(this.entries, this.capacity);
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
