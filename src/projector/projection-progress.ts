import { CATCH_UP_START, compareCheckpoints, type CatchUpCheckpoint } from '../event-store/event-store';

/** The read models did not include a change within the wait allowed. */
export class ProjectionTimeoutError extends Error {
  override readonly name = 'ProjectionTimeoutError';
  constructor(
    readonly position: number,
    readonly waitedMs: number,
  ) {
    super(
      `The change was saved (position ${position}) but the read models had not caught up after ${waitedMs} ms; it will appear shortly — query again`,
    );
  }
}

/** The process stopped following the read models while a caller still waited for its change to show. */
export class ProjectionProgressClosedError extends Error {
  override readonly name = 'ProjectionProgressClosedError';
  constructor(readonly position: number) {
    super(`The change was saved (position ${position}) but the CRM shut down before its read models showed it`);
  }
}

interface Waiter {
  readonly target: CatchUpCheckpoint;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * What this process knows of each projection's checkpoint, and the callers waiting for their change to
 * be projected (read-your-writes). Fed by the local projectors, by other processes' announcements and, while
 * anyone waits, by polling the stored checkpoints (so a lost announcement only delays, never hangs).
 */
export class ProjectionProgress {
  private readonly known = new Map<string, CatchUpCheckpoint>();
  private readonly waiters = new Set<Waiter>();
  private poller: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly projections: readonly string[],
    private readonly readStored: () => Promise<Map<string, CatchUpCheckpoint>>,
    private readonly pollIntervalMs = 50,
  ) {}

  /** Records that `projection` has applied everything up to `checkpoint` (ignores news older than known). */
  update(projection: string, checkpoint: CatchUpCheckpoint): void {
    const current = this.known.get(projection) ?? CATCH_UP_START;
    if (compareCheckpoints(checkpoint, current) > 0) this.known.set(projection, checkpoint);
    this.settle();
  }

  /** The slowest projection's checkpoint. */
  slowest(): CatchUpCheckpoint {
    let slowest: CatchUpCheckpoint | null = null;
    for (const name of this.projections) {
      const checkpoint = this.known.get(name) ?? CATCH_UP_START;
      if (slowest === null || compareCheckpoints(checkpoint, slowest) < 0) slowest = checkpoint;
    }
    return slowest ?? CATCH_UP_START;
  }

  checkpointOf(projection: string): CatchUpCheckpoint {
    return this.known.get(projection) ?? CATCH_UP_START;
  }

  /** Resolves once every projection has applied `target`; rejects with `ProjectionTimeoutError` after `timeoutMs`. */
  waitFor(target: CatchUpCheckpoint, timeoutMs: number): Promise<void> {
    if (compareCheckpoints(this.slowest(), target) >= 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new ProjectionProgressClosedError(target.position));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        this.stopPollingIfIdle();
        reject(new ProjectionTimeoutError(target.position, timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
      this.startPolling();
    });
  }

  /** Reads the stored checkpoints once (at start-up, and while anyone waits). */
  async refresh(): Promise<void> {
    const stored = await this.readStored();
    for (const [name, checkpoint] of stored) this.update(name, checkpoint);
  }

  /** Stops polling; whoever still waits is answered at once (a shutdown must not hang them until their timeout). */
  close(): void {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    for (const waiter of this.waiters) waiter.reject(new ProjectionProgressClosedError(waiter.target.position));
    this.waiters.clear();
  }

  private settle(): void {
    if (this.waiters.size === 0) return;
    const slowest = this.slowest();
    for (const waiter of this.waiters) {
      if (compareCheckpoints(slowest, waiter.target) >= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
    this.stopPollingIfIdle();
  }

  private startPolling(): void {
    if (this.closed) return;
    this.poller ??= setInterval(() => {
      this.refresh().catch(() => undefined);
    }, this.pollIntervalMs);
    this.poller.unref();
  }

  private stopPollingIfIdle(): void {
    if (this.waiters.size === 0 && this.poller) {
      clearInterval(this.poller);
      this.poller = null;
    }
  }
}
