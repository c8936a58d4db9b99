import type { TimelinePoint } from './timeline';
import { LruMap } from '../shared/lru-map';

/** Snapshots of one long stream: points every `interval` versions, in version order. */
interface StreamSnapshots {
  readonly points: TimelinePoint[];
  /** When the snapshots stop being trusted (personal data is not kept in memory for long). */
  readonly expiresAt: number;
}

export interface TimelineCacheOptions {
  /** A snapshot every this many events (streams shorter than this are folded from the start). */
  readonly interval?: number;
  /** How many streams keep snapshots (least recently used forgotten first). */
  readonly capacity?: number;
  /** How long snapshots live, in ms: an erasure in another process is honoured after this at the latest. */
  readonly ttlMs?: number;
}

/**
 * Snapshots of long streams for history and time travel: reading a record as it was at version or instant N
 * folds from the nearest snapshot at or before N instead of from the first event. Past events never change,
 * except by erasure: snapshots expire, and an erasure here forgets the stream's at once.
 */
export class TimelineCache {
  readonly interval: number;
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly streams: LruMap<string, StreamSnapshots>;

  constructor(
    options: TimelineCacheOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.interval = options.interval ?? 500;
    this.capacity = options.capacity ?? 2000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.streams = new LruMap(this.capacity);
  }

  /** The latest snapshot satisfying `fits` (points are in version order, and so in time order). */
  nearest(streamId: string, fits: (point: TimelinePoint) => boolean): TimelinePoint | undefined {
    const entry = this.streams.get(streamId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.streams.delete(streamId);
      return undefined;
    }
    let found: TimelinePoint | undefined;
    for (const point of entry.points) {
      if (!fits(point)) break;
      found = point;
    }
    return found;
  }

  /** Keeps `point` if it falls on the interval and extends the stream's snapshots contiguously. */
  offer(streamId: string, point: TimelinePoint): void {
    if (this.capacity <= 0 || point.version === 0 || point.version % this.interval !== 0) return;
    const entry = this.streams.get(streamId) ?? { points: [], expiresAt: this.now() + this.ttlMs };
    const last = entry.points[entry.points.length - 1];
    if ((last?.version ?? 0) + this.interval !== point.version) return;
    entry.points.push(point);
    this.streams.set(streamId, entry);
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }

  clear(): void {
    this.streams.clear();
  }
}
