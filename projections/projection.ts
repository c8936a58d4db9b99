import type { Kysely } from 'kysely';
import type { CrmEventType, EventOfType, RecordedEvent } from '../events';
import type { ReadModels } from './read-models';
import type { ColumnTypes } from './column-types';
import type { RowWriter } from './row-writer';

/**
 * Applies one event to the read model inside the caller's transaction: through `rows` (portable, and
 * folded in memory during a rebuild) or, for what rows by id cannot express, through `db`.
 */
export type EventHandler<T extends CrmEventType> = (
  rows: RowWriter,
  event: RecordedEvent<EventOfType<T>>,
  db: Kysely<ReadModels>,
) => Promise<void>;

export type EventHandlers = { readonly [T in CrmEventType]?: EventHandler<T> };

export interface Projection {
  /** Unique, stable: the key of the projection's checkpoint. */
  readonly name: string;
  /** Bump when the tables or the handlers change meaning; the projector rebuilds the projection. */
  readonly version: number;
  /** The tables the projection owns (dropped and recreated by a rebuild). */
  readonly tables: readonly string[];
  /** Creates the tables if they do not exist (no secondary indexes: a rebuild fills the tables first). */
  createTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void>;
  /** Creates the secondary indexes if they do not exist (after a rebuild's replay: one bulk build per index). */
  createIndexes?(db: Kysely<ReadModels>): Promise<void>;
  readonly handlers: EventHandlers;
  /**
   * True when every handler writes only through `rows`: a rebuild then folds all events in memory and
   * writes each table once, instead of one statement per event.
   */
  readonly rebuildInMemory?: boolean;
  /** True when the tables hold people's personal data: scrubbed after an erasure. */
  readonly holdsPersonalData?: boolean;
}

/** Declares a projection, keeping each handler typed by its event. */
export function defineProjection(projection: Projection): Projection {
  return projection;
}
