import type { Logger } from 'pino';
import type { Projection } from '../../projections/projection';
import type { CatchUpCheckpoint, EventStore } from '../event-store/event-store';
import type { ProjectorCoordination } from './coordination';
import type { ProjectionProgress } from './projection-progress';
import { ProjectionFencedError, type Projector, type ReadModelTransaction } from './projector';

export interface CatchUpOptions {
  /** Events applied per transaction. */
  readonly batchSize?: number;
  /** How long an idle projector waits for a wake-up before looking again, in ms. */
  readonly idleMs?: number;
  /** How often a standby process tries to take a projection over, in ms. */
  readonly standbyMs?: number;
  readonly logger?: Pick<Logger, 'warn' | 'error' | 'info'>;
}

/**
 * Keeps read models current from the event store, one loop per projection. Only the process holding a
 * projection's lock applies it; the others stand by and take over when the holder goes away. Each batch
 * and its checkpoint commit together, and the checkpoint only moves from where this loop last saw it, so
 * every event takes effect exactly once, across restarts and takeovers.
 */
export class CatchUpProjector {
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly standbyMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly transaction: ReadModelTransaction,
    private readonly coordination: ProjectorCoordination,
    private readonly progress: ProjectionProgress,
    private readonly options: CatchUpOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 500;
    this.standbyMs = options.standbyMs ?? 500;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.coordination.onEventsAppended(() => this.wakeAll());
    for (const projection of this.projector.projections) this.loops.push(this.run(projection));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wakeAll();
    await Promise.all(this.loops.splice(0));
  }

  private async run(projection: Projection): Promise<void> {
    let holding = false;
    let checkpoint: CatchUpCheckpoint | null = null;
    while (this.running) {
      try {
        // Asked every time: a lock lost with its session must stop this loop at once.
        const held = await this.coordination.tryAcquire(projection.name);
        if (held !== holding) checkpoint = null;
        holding = held;
        if (!holding) {
          await this.sleep(this.standbyMs);
          continue;
        }
        checkpoint ??= await this.storedCheckpoint(projection);
        const batch = await this.store.readCatchUp(checkpoint, this.batchSize);
        if (batch.events.length === 0) {
          await this.sleep(this.idleMs);
          continue;
        }
        const from = checkpoint;
        await this.transaction((db) => this.projector.applyBatch(db, projection, from, batch));
        checkpoint = batch.checkpoint;
        this.progress.update(projection.name, checkpoint);
        await this.coordination.announceProgress(projection.name, checkpoint);
      } catch (error) {
        checkpoint = null;
        if (error instanceof ProjectionFencedError) {
          this.options.logger?.warn({ projection: projection.name }, 'another projector advanced this projection; standing by');
          await this.coordination.release(projection.name).catch(() => undefined);
          holding = false;
        } else {
          this.options.logger?.error({ err: error, projection: projection.name }, 'catch-up projection failed; retrying');
        }
        await this.sleep(this.standbyMs);
      }
    }
    if (holding) await this.coordination.release(projection.name).catch(() => undefined);
  }

  private async storedCheckpoint(projection: Projection): Promise<CatchUpCheckpoint> {
    const stored = await this.transaction((db) => this.projector.checkpoints(db));
    const checkpoint = stored.get(projection.name);
    if (!checkpoint) throw new Error(`Projection ${projection.name} has no checkpoint: prepare the projector first`);
    this.progress.update(projection.name, checkpoint.checkpoint);
    return checkpoint.checkpoint;
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
