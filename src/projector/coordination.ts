import type { CatchUpCheckpoint } from '../event-store/event-store';

/**
 * How catch-up projectors in several processes agree: one holder per projection, wake-ups when events are
 * appended anywhere, and news of every projection's progress (for read-your-writes waits).
 */
export interface ProjectorCoordination {
  /** Tries to become the one projector of `projection`; true while this process holds it. */
  tryAcquire(projection: string): Promise<boolean>;
  /** Gives the projection up (on stop, or after being fenced). */
  release(projection: string): Promise<void>;
  /** Calls `listener` when events may have been appended (by any process). Returns an unsubscribe. */
  onEventsAppended(listener: () => void): () => void;
  /** Tells every process that events were appended (for stores that cannot say so themselves). */
  announceAppended(): Promise<void>;
  /** Tells the other processes that `projection` has applied everything up to `checkpoint`. */
  announceProgress(projection: string, checkpoint: CatchUpCheckpoint): Promise<void>;
  /** Calls `listener` with the progress other processes announce. Returns an unsubscribe. */
  onProgress(listener: (projection: string, checkpoint: CatchUpCheckpoint) => void): () => void;
  close(): Promise<void>;
}

/** One process alone: it always holds every projection; wake-ups come from the local event store. */
export class InProcessCoordination implements ProjectorCoordination {
  private readonly appended = new Set<() => void>();

  tryAcquire(): Promise<boolean> {
    return Promise.resolve(true);
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  announceAppended(): Promise<void> {
    for (const listener of this.appended) listener();
    return Promise.resolve();
  }

  onEventsAppended(listener: () => void): () => void {
    this.appended.add(listener);
    return () => this.appended.delete(listener);
  }

  announceProgress(): Promise<void> {
    return Promise.resolve();
  }

  onProgress(): () => void {
    return () => undefined;
  }

  close(): Promise<void> {
    this.appended.clear();
    return Promise.resolve();
  }
}
