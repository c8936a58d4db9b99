import type { Kysely } from 'kysely';
import type { CrmEventType, EventOfType, RecordedEvent } from '../events';
import type { ReadModels } from './read-models';
import type { ColumnTypes } from './column-types';

/** Applies one event to the read model inside the caller's transaction. */
export type EventHandler<T extends CrmEventType> = (db: Kysely<ReadModels>, event: RecordedEvent<EventOfType<T>>) => Promise<void>;

export type EventHandlers = { readonly [T in CrmEventType]?: EventHandler<T> };

export interface Projection {
  /** Unique, stable: the key of the projection's checkpoint. */
  readonly name: string;
  /** Bump when the tables or the handlers change meaning; the projector rebuilds the projection. */
  readonly version: number;
  /** The tables the projection owns (dropped and recreated by a rebuild). */
  readonly tables: readonly string[];
  /** Creates the tables and their indexes if they do not exist. */
  createTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void>;
  readonly handlers: EventHandlers;
}

/** Declares a projection, keeping each handler typed by its event. */
export function defineProjection(projection: Projection): Projection {
  return projection;
}
