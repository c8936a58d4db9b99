import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../../events';
import type { ColumnTypes } from '../../projections/column-types';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import { MemoryRowWriter, SqlRowWriter, type RowWriter, type SqlExecutor } from '../../projections/row-writer';
import { ShadowTables } from './shadow-tables';
import {
  CATCH_UP_START,
  compareCheckpoints,
  type CatchUpBatch,
  type CatchUpCheckpoint,
  type EventStore,
  type TransactionalHook,
} from '../event-store/event-store';

type CheckpointsTable = {
  projection_checkpoints: { name: string; version: number; position: number; tx_id: string };
};

type AnyEventHandler = (rows: RowWriter, event: RecordedEvent, db: Kysely<ReadModels>) => Promise<void>;

/** Runs work on the read-model database in one transaction, with no other projection work interleaved. */
export type ReadModelTransaction = <T>(work: (db: Kysely<ReadModels>) => Promise<T>) => Promise<T>;

export interface ProjectorProgress {
  readonly projection: string;
  readonly position: number;
  readonly head: number;
}

/** A projection's stored state: the version of its definition and how far it has read. */
export interface StoredCheckpoint {
  readonly version: number;
  readonly checkpoint: CatchUpCheckpoint;
}

/** Another projector moved this projection's checkpoint: this batch must not be applied (it rolls back). */
export class ProjectionFencedError extends Error {
  override readonly name = 'ProjectionFencedError';
  constructor(readonly projection: string) {
    super(`Another projector advanced ${projection}; this batch was not applied`);
  }
}

/** How many events a replay reads at a time. */
const REPLAY_BATCH = 2000;

/** Runs work while no other process rebuilds (PostgreSQL: a session advisory lock); by default just runs it. */
export type ExclusiveSession = <T>(work: () => Promise<T>) => Promise<T>;

const runAlone: ExclusiveSession = (work) => work();

/**
 * Applies events to the read models and keeps each projection's checkpoint (its version and how far it has
 * read, in catch-up order). Inline: `hook()` plugs it into the event store's append transaction. Catch-up:
 * `applyBatch()` applies a batch and advances the checkpoint in the caller's transaction, refusing if another
 * projector got there first. Start-up: `prepare()` creates missing tables, rebuilds projections whose version
 * changed and catches up the rest.
 */
export class Projector {
  /** Compiled statement shapes of the row writers (one dialect per projector). */
  private readonly shapes = new Map<string, string>();

  constructor(
    readonly projections: readonly Projection[],
    private readonly types: ColumnTypes,
    /** Runs projection SQL directly (SQLite: on the writer connection, synchronously); Kysely's driver otherwise. */
    private readonly execute?: SqlExecutor,
  ) {}

  get names(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  /** The hook that applies every projection inside the append's transaction (inline projections). */
  hook(db: Kysely<ReadModels>): TransactionalHook {
    return {
      onAppended: (events) => this.apply(db, events, this.projections),
      beforeCommit: (position) => this.saveCheckpoints(db, this.projections, { txId: '0', position }),
    };
  }

  /** Applies events, in order, to the given projections. */
  async apply(
    db: Kysely<ReadModels>,
    events: readonly RecordedEvent[],
    projections: readonly Projection[],
    rows: RowWriter = this.writerFor(db),
  ): Promise<void> {
    for (const event of events) {
      for (const projection of projections) {
        // The handlers map pairs each event type with the handler of that type.
        const handler = projection.handlers[event.type] as AnyEventHandler | undefined;
        if (handler) await handler(rows, event, db);
      }
    }
  }

  private writerFor(db: Kysely<ReadModels>): SqlRowWriter {
    return new SqlRowWriter(db, this.shapes, this.execute);
  }

  /**
   * Applies a catch-up batch to one projection and moves its checkpoint from `from` to the batch's, in the
   * caller's transaction. Throws `ProjectionFencedError` (so the transaction rolls back) when the stored
   * checkpoint is no longer `from`: each event then takes effect exactly once even if two projectors overlap.
   * The checkpoint row is claimed first, so a rebuild's swap (which claims it too) never deadlocks with a batch.
   */
  async applyBatch(db: Kysely<ReadModels>, projection: Projection, from: CatchUpCheckpoint, batch: CatchUpBatch): Promise<void> {
    const moved = await db
      .withTables<CheckpointsTable>()
      .updateTable('projection_checkpoints')
      .set({ position: batch.checkpoint.position, tx_id: batch.checkpoint.txId })
      .where('name', '=', projection.name)
      .where('version', '=', projection.version)
      .where('position', '=', from.position)
      .where('tx_id', '=', from.txId)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new ProjectionFencedError(projection.name);
    await this.apply(db, batch.events, [projection]);
  }

  /**
   * Makes every projection current: creates what is missing, rebuilds (safely, see `rebuild`) a projection
   * whose version changed or that never ran, and, when asked, replays the events a projection has not seen yet.
   */
  async prepare(
    store: EventStore,
    transaction: ReadModelTransaction,
    options: {
      readonly catchUp: boolean;
      readonly onProgress?: (progress: ProjectorProgress) => void;
      readonly exclusively?: ExclusiveSession;
    },
  ): Promise<void> {
    await transaction((db) => this.createCheckpointTable(db));
    const staleIn = async (db: Kysely<ReadModels>) => {
      const checkpoints = await this.checkpoints(db);
      return this.projections.filter((projection) => checkpoints.get(projection.name)?.version !== projection.version);
    };
    if ((await transaction(staleIn)).length > 0) {
      await (options.exclusively ?? runAlone)(async () => {
        // Another process may have rebuilt them while this one waited.
        const stale = await transaction(staleIn);
        await this.rebuildSafely(store, transaction, stale, options.onProgress);
      });
    }
    await transaction(async (db) => {
      const checkpoints = await this.checkpoints(db);
      for (const projection of this.projections) {
        await projection.createTables(db, this.types);
        await projection.createIndexes?.(db);
        if (options.catchUp) await this.catchUp(db, store, [projection], checkpoints.get(projection.name)!.checkpoint, options.onProgress);
      }
    });
  }

  /**
   * Replays every event into fresh tables for the named projections (all when none are named) while the live
   * tables keep serving, then swaps them in. See `rebuildSafely`.
   */
  async rebuild(
    store: EventStore,
    transaction: ReadModelTransaction,
    names?: readonly string[],
    onProgress?: (progress: ProjectorProgress) => void,
    exclusively: ExclusiveSession = runAlone,
  ): Promise<void> {
    const unknown = (names ?? []).filter((name) => !this.names.includes(name));
    if (unknown.length > 0) throw new Error(`Unknown projection ${unknown.join(', ')}; known: ${this.names.join(', ')}`);
    const chosen = names && names.length > 0 ? this.projections.filter((projection) => names.includes(projection.name)) : this.projections;
    await transaction((db) => this.createCheckpointTable(db));
    await exclusively(() => this.rebuildSafely(store, transaction, chosen, onProgress));
  }

  async checkpoints(db: Kysely<ReadModels>): Promise<Map<string, StoredCheckpoint>> {
    const rows = await db.withTables<CheckpointsTable>().selectFrom('projection_checkpoints').selectAll().execute();
    return new Map(
      rows.map((row) => [
        row.name,
        { version: Number(row.version), checkpoint: { txId: String(row.tx_id), position: Number(row.position) } },
      ]),
    );
  }

  /**
   * A rebuild that never shows a half-built read model: the projections' own code fills shadow tables from
   * the first event, in short transactions, while the live tables keep serving reads (and, with inline
   * projections, writes keep committing); then one transaction claims the checkpoints, applies the events
   * that arrived meanwhile, swaps the shadow tables in and moves the checkpoints.
   */
  private async rebuildSafely(
    store: EventStore,
    transaction: ReadModelTransaction,
    projections: readonly Projection[],
    onProgress?: (progress: ProjectorProgress) => void,
  ): Promise<void> {
    if (projections.length === 0) return;
    const shadow = new ShadowTables(
      projections.flatMap((projection) => projection.tables),
      this.types.dialect,
    );
    const shapes = new Map<string, string>();
    await transaction(async (db) => {
      await shadow.dropAll(db);
      for (const projection of projections) await projection.createTables(shadow.on(db), this.types);
    });
    const head = await store.headPosition();
    const target = await store.headCheckpoint();
    // Projections that write only rows fold every event in memory first and write each table once.
    const inMemory = projections.filter((projection) => projection.rebuildInMemory);
    const inSql = projections.filter((projection) => !projection.rebuildInMemory);
    const memory = new MemoryRowWriter();
    let checkpoint = CATCH_UP_START;
    const waiting = new HorizonWait(target);
    for (;;) {
      const batch = await store.readCatchUp(checkpoint, REPLAY_BATCH);
      if (batch.events.length === 0) {
        if (await waiting.untilVisible(checkpoint)) continue;
        break;
      }
      await transaction(async (db) => {
        if (inMemory.length > 0) await this.apply(shadow.on(db), batch.events, inMemory, memory);
        if (inSql.length > 0) await this.apply(shadow.on(db), batch.events, inSql, new SqlRowWriter(shadow.on(db), shapes, this.execute));
      });
      checkpoint = batch.checkpoint;
      for (const projection of projections) onProgress?.({ projection: projection.name, position: checkpoint.position, head });
    }
    await transaction(async (db) => {
      await memory.flush(shadow.on(db));
      if (shadow.indexesBeforeSwap) for (const projection of projections) await projection.createIndexes?.(shadow.on(db));
    });
    await transaction(async (db) => {
      await this.claimCheckpoints(db, projections);
      // The events appended since the replay's last read, applied to the shadow tables before they go live.
      for (;;) {
        const batch = await store.readCatchUp(checkpoint, REPLAY_BATCH);
        if (batch.events.length === 0) break;
        await this.apply(shadow.on(db), batch.events, projections, new SqlRowWriter(shadow.on(db), shapes, this.execute));
        checkpoint = batch.checkpoint;
      }
      await shadow.swap(db);
      if (!shadow.indexesBeforeSwap) for (const projection of projections) await projection.createIndexes?.(db);
      await this.saveCheckpoints(db, projections, checkpoint);
    });
  }

  /** Replays the events after `after` into the projections' live tables (a start-up catch-up). */
  private async catchUp(
    db: Kysely<ReadModels>,
    store: EventStore,
    projections: readonly Projection[],
    after: CatchUpCheckpoint,
    onProgress?: (progress: ProjectorProgress) => void,
  ): Promise<void> {
    const head = await store.headPosition();
    let checkpoint = after;
    for (;;) {
      const batch = await store.readCatchUp(checkpoint, REPLAY_BATCH);
      if (batch.events.length === 0) break;
      await this.apply(db, batch.events, projections);
      checkpoint = batch.checkpoint;
      for (const projection of projections) onProgress?.({ projection: projection.name, position: checkpoint.position, head });
    }
    if (checkpoint !== after) await this.saveCheckpoints(db, projections, checkpoint);
  }

  /** Locks the projections' checkpoint rows until the transaction ends (PostgreSQL; SQLite has one writer). */
  private async claimCheckpoints(db: Kysely<ReadModels>, projections: readonly Projection[]): Promise<void> {
    if (this.types.dialect !== 'postgres') return;
    await db
      .withTables<CheckpointsTable>()
      .selectFrom('projection_checkpoints')
      .select('name')
      .where(
        'name',
        'in',
        projections.map((projection) => projection.name),
      )
      .forUpdate()
      .execute();
  }

  private async createCheckpointTable(db: Kysely<ReadModels>): Promise<void> {
    await db.schema
      .createTable('projection_checkpoints')
      .ifNotExists()
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('position', 'bigint', (col) => col.notNull())
      .addColumn('tx_id', 'text', (col) => col.notNull().defaultTo(sql`'0'`))
      .execute();
  }

  private async saveCheckpoints(db: Kysely<ReadModels>, projections: readonly Projection[], checkpoint: CatchUpCheckpoint): Promise<void> {
    const table = db.withTables<CheckpointsTable>();
    for (const projection of projections) {
      const values = { version: projection.version, position: checkpoint.position, tx_id: checkpoint.txId };
      await table
        .insertInto('projection_checkpoints')
        .values({ name: projection.name, ...values })
        .onConflict((oc) => oc.column('name').doUpdateSet(values))
        .execute();
    }
  }
}

/** How long a rebuild waits for the events committed before it started to become readable. */
const HORIZON_TIMEOUT_MS = 10 * 60_000;
const HORIZON_POLL_MS = 50;

/**
 * A rebuild must replay at least what was committed when it started. A catch-up read stops short of that while
 * an older transaction is still open (on PostgreSQL, any transaction of the cluster holds the snapshot's xmin
 * back): then the replay waits, rather than swapping in tables that lack records the old ones show.
 */
class HorizonWait {
  private readonly deadline = Date.now() + HORIZON_TIMEOUT_MS;

  constructor(private readonly target: CatchUpCheckpoint) {}

  /** False once `reached` covers the target; true after a pause when it does not yet. */
  async untilVisible(reached: CatchUpCheckpoint): Promise<boolean> {
    if (compareCheckpoints(reached, this.target) >= 0) return false;
    if (Date.now() > this.deadline)
      throw new Error(
        `The rebuild cannot read the events committed before it started (it reached position ${reached.position} of ${this.target.position}): an older transaction is still open in the database`,
      );
    await new Promise((resolve) => setTimeout(resolve, HORIZON_POLL_MS));
    return true;
  }
}
