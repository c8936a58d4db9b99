import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { RecordedEvent, Subscription } from '../event-store';
import type { AllSubscriptionSource } from './kurrentdb-client-port';

export interface KurrentDbSubscriptionOptions {
  /** Opens a server subscription to `$all` after a position (0 = from the start). */
  readonly open: (after: number) => AllSubscriptionSource;
  /** The event as ours, or null for an event to skip (system, claim, foreign). Throws on a corrupt event of ours. */
  readonly decode: (resolved: AllStreamResolvedEvent) => RecordedEvent | null;
  readonly handler: (events: readonly RecordedEvent[]) => Promise<void>;
  readonly after: number;
  /** The most events one handler call gets. */
  readonly maxBatch: number;
  /** Delay before resubscribing after the connection failed; doubles up to `maxRetryDelayMs`. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** Called when the handler (or decoding) throws; the subscription has stopped. */
  readonly onError: (error: unknown) => void;
}

/**
 * A catch-up subscription to `$all`: every event of ours after `after`, then new ones as they commit, in commit
 * order, in batches; the handler is awaited before the next batch. Events that arrive while the handler runs
 * queue up (the server stream is paused past `2 × maxBatch`) and form the next batch. When the connection
 * fails it resubscribes after the last event handled, so nothing is skipped or repeated. A handler error stops
 * it for good and goes to `onError`.
 */
export class KurrentDbSubscription implements Subscription {
  /** Settles when the subscription has stopped (after `close`, once the handler call in progress returns). */
  readonly done: Promise<void>;
  private position: number;
  private stopped = false;
  private source: AllSubscriptionSource | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: KurrentDbSubscriptionOptions) {
    this.position = options.after;
    this.done = this.run().catch((error: unknown) => {
      this.stopped = true;
      options.onError(error);
    });
  }

  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.wake?.();
    void this.source?.unsubscribe().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let delay = this.options.retryDelayMs;
    while (!this.stopped) {
      const before = this.position;
      await this.consume();
      if (this.stopped) return;
      if (this.position !== before) delay = this.options.retryDelayMs;
      await this.sleep(delay);
      delay = Math.min(delay * 2, this.options.maxRetryDelayMs);
    }
  }

  /** Delivers from one server subscription until it ends or fails (returns) or the handler throws (rejects). */
  private async consume(): Promise<void> {
    const queue: AllStreamResolvedEvent[] = [];
    let ended = false;
    const source = this.options.open(this.position);
    this.source = source;
    const notify = () => this.wake?.();
    source.on('data', (resolved) => {
      queue.push(resolved);
      if (queue.length >= 2 * this.options.maxBatch) source.pause();
      notify();
    });
    const finish = () => {
      ended = true;
      notify();
    };
    source.on('error', finish);
    source.on('end', finish);
    source.on('close', finish);
    try {
      while (!this.stopped) {
        if (queue.length === 0) {
          if (ended) return;
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          continue;
        }
        const taken = queue.splice(0, this.options.maxBatch);
        if (source.isPaused() && queue.length < this.options.maxBatch) source.resume();
        const batch: RecordedEvent[] = [];
        for (const resolved of taken) {
          const event = this.options.decode(resolved);
          // A resubscription may start at the last event handled (the server's start position is inclusive).
          if (event && event.globalPosition > this.position) batch.push(event);
        }
        if (batch.length === 0) continue;
        await this.options.handler(batch);
        this.position = batch[batch.length - 1]!.globalPosition;
      }
    } finally {
      source.removeAllListeners();
      // A failed stream must not raise 'error' with nobody listening.
      source.on('error', () => undefined);
      if (!ended) void source.unsubscribe().catch(() => undefined);
      this.source = null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
