import { sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../../events';
import type { ColumnTypes } from '../../projections/column-types';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import { MemoryRowWriter, SqlRowWriter, type RowWriter, type SqlExecutor } from '../../projections/row-writer';
import {
  CATCH_UP_START,
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
   */
  async applyBatch(db: Kysely<ReadModels>, projection: Projection, from: CatchUpCheckpoint, batch: CatchUpBatch): Promise<void> {
    await this.apply(db, batch.events, [projection]);
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
  }

  /**
   * Makes every projection current: creates what is missing, rebuilds a projection whose version changed
   * (or that never ran), and replays the events a projection has not seen yet.
   */
  async prepare(
    store: EventStore,
    transaction: ReadModelTransaction,
    options: { readonly catchUp: boolean; readonly onProgress?: (progress: ProjectorProgress) => void },
  ): Promise<void> {
    await transaction(async (db) => {
      await this.createCheckpointTable(db);
      const checkpoints = await this.checkpoints(db);
      const stale = this.projections.filter((projection) => checkpoints.get(projection.name)?.version !== projection.version);
      await this.replay(db, store, stale, CATCH_UP_START, true, options.onProgress);
      for (const projection of this.projections.filter((candidate) => !stale.includes(candidate))) {
        await projection.createTables(db, this.types);
        await projection.createIndexes?.(db);
        if (options.catchUp) {
          await this.replay(db, store, [projection], checkpoints.get(projection.name)!.checkpoint, false, options.onProgress);
        }
      }
    });
  }

  /** Drops the named projections' tables and replays every event into fresh ones, in one transaction. */
  async rebuild(
    store: EventStore,
    transaction: ReadModelTransaction,
    names?: readonly string[],
    onProgress?: (progress: ProjectorProgress) => void,
  ): Promise<void> {
    const unknown = (names ?? []).filter((name) => !this.names.includes(name));
    if (unknown.length > 0) throw new Error(`Unknown projection ${unknown.join(', ')}; known: ${this.names.join(', ')}`);
    const chosen = names && names.length > 0 ? this.projections.filter((projection) => names.includes(projection.name)) : this.projections;
    await transaction(async (db) => {
      await this.createCheckpointTable(db);
      await this.replay(db, store, chosen, CATCH_UP_START, true, onProgress);
    });
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

  private async replay(
    db: Kysely<ReadModels>,
    store: EventStore,
    projections: readonly Projection[],
    after: CatchUpCheckpoint,
    fresh: boolean,
    onProgress?: (progress: ProjectorProgress) => void,
  ): Promise<void> {
    if (projections.length === 0) return;
    if (fresh) {
      for (const projection of projections) {
        for (const table of projection.tables) await db.schema.dropTable(table).ifExists().execute();
        await projection.createTables(db, this.types);
      }
    }
    const head = await store.headPosition();
    // Rebuilding from scratch, projections that write only rows fold every event in memory first.
    const inMemory = fresh ? projections.filter((projection) => projection.rebuildInMemory) : [];
    const inSql = projections.filter((projection) => !inMemory.includes(projection));
    const memory = new MemoryRowWriter();
    let checkpoint = after;
    for (;;) {
      const batch = await store.readCatchUp(checkpoint, REPLAY_BATCH);
      if (batch.events.length === 0) break;
      if (inMemory.length > 0) await this.apply(db, batch.events, inMemory, memory);
      if (inSql.length > 0) await this.apply(db, batch.events, inSql);
      checkpoint = batch.checkpoint;
      for (const projection of projections) onProgress?.({ projection: projection.name, position: checkpoint.position, head });
    }
    await memory.flush(db);
    // Indexes are built once the tables are full: one sort per index instead of one insert per row.
    for (const projection of projections) await projection.createIndexes?.(db);
    await this.saveCheckpoints(db, projections, checkpoint);
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
