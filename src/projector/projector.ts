import type { Kysely } from 'kysely';
import type { RecordedEvent } from '../../events';
import type { ColumnTypes } from '../../projections/column-types';
import type { Projection } from '../../projections/projection';
import type { ReadModels } from '../../projections/read-models';
import type { EventStore, TransactionalHook } from '../event-store/event-store';

type CheckpointsTable = {
  projection_checkpoints: { name: string; version: number; position: number };
};

type AnyEventHandler = (db: Kysely<ReadModels>, event: RecordedEvent) => Promise<void>;

/** Runs work on the read-model database in one transaction, with no projection work interleaved. */
export type ReadModelTransaction = <T>(work: (db: Kysely<ReadModels>) => Promise<T>) => Promise<T>;

export interface ProjectorProgress {
  readonly projection: string;
  readonly position: number;
  readonly head: number;
}

/** How many events a replay reads at a time. */
const REPLAY_BATCH = 2000;

/**
 * Applies events to the read models and keeps each projection's checkpoint (its version and the last
 * position applied). Inline: `hook()` plugs it into the event store's append transaction. Start-up:
 * `prepare()` creates missing tables, rebuilds projections whose version changed and catches up the rest.
 */
export class Projector {
  constructor(
    private readonly projections: readonly Projection[],
    private readonly types: ColumnTypes,
  ) {}

  /** The hook that applies every projection inside the append's transaction (inline projections). */
  hook(db: Kysely<ReadModels>): TransactionalHook {
    return {
      onAppended: (events) => this.apply(db, events, this.projections),
      beforeCommit: (position) => this.saveCheckpoints(db, this.projections, position),
    };
  }

  /** Applies events, in order, to the given projections. */
  async apply(db: Kysely<ReadModels>, events: readonly RecordedEvent[], projections: readonly Projection[]): Promise<void> {
    for (const event of events) {
      for (const projection of projections) {
        // The handlers map pairs each event type with the handler of that type.
        const handler = projection.handlers[event.type] as AnyEventHandler | undefined;
        if (handler) await handler(db, event);
      }
    }
  }

  /**
   * Makes every projection current: creates what is missing, rebuilds a projection whose version changed
   * (or that never ran), and replays the events a projection has not seen yet.
   */
  async prepare(store: EventStore, transaction: ReadModelTransaction, onProgress?: (progress: ProjectorProgress) => void): Promise<void> {
    await transaction(async (db) => {
      await this.createCheckpointTable(db);
      const checkpoints = await this.checkpoints(db);
      const stale = this.projections.filter((projection) => checkpoints.get(projection.name)?.version !== projection.version);
      await this.replay(db, store, stale, 0, true, onProgress);
      const current = this.projections.filter((projection) => !stale.includes(projection));
      for (const projection of current) {
        await projection.createTables(db, this.types);
        await this.replay(db, store, [projection], checkpoints.get(projection.name)?.position ?? 0, false, onProgress);
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
    const unknown = (names ?? []).filter((name) => !this.projections.some((projection) => projection.name === name));
    if (unknown.length > 0) {
      throw new Error(`Unknown projection ${unknown.join(', ')}; known: ${this.projections.map((p) => p.name).join(', ')}`);
    }
    const chosen = names && names.length > 0 ? this.projections.filter((projection) => names.includes(projection.name)) : this.projections;
    await transaction(async (db) => {
      await this.createCheckpointTable(db);
      await this.replay(db, store, chosen, 0, true, onProgress);
    });
  }

  async checkpoints(db: Kysely<ReadModels>): Promise<Map<string, { version: number; position: number }>> {
    const rows = await db.withTables<CheckpointsTable>().selectFrom('projection_checkpoints').selectAll().execute();
    return new Map(rows.map((row) => [row.name, { version: Number(row.version), position: Number(row.position) }]));
  }

  get names(): string[] {
    return this.projections.map((projection) => projection.name);
  }

  private async replay(
    db: Kysely<ReadModels>,
    store: EventStore,
    projections: readonly Projection[],
    after: number,
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
    let position = after;
    while (position < head) {
      const events = await store.readAll({ after: position, limit: REPLAY_BATCH });
      if (events.length === 0) break;
      await this.apply(db, events, projections);
      position = events[events.length - 1]!.globalPosition;
      for (const projection of projections) onProgress?.({ projection: projection.name, position, head });
    }
    await this.saveCheckpoints(db, projections, Math.max(position, after));
  }

  private async createCheckpointTable(db: Kysely<ReadModels>): Promise<void> {
    await db.schema
      .createTable('projection_checkpoints')
      .ifNotExists()
      .addColumn('name', 'text', (col) => col.primaryKey())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('position', 'bigint', (col) => col.notNull())
      .execute();
  }

  private async saveCheckpoints(db: Kysely<ReadModels>, projections: readonly Projection[], position: number): Promise<void> {
    const table = db.withTables<CheckpointsTable>();
    for (const projection of projections) {
      await table
        .insertInto('projection_checkpoints')
        .values({ name: projection.name, version: projection.version, position })
        .onConflict((oc) => oc.column('name').doUpdateSet({ version: projection.version, position }))
        .execute();
    }
  }
}
