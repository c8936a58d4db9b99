import type { CrmEvent, EventMetadata, JsonValue, RecordedEvent } from '../../events';

export type { RecordedEvent };

/** What a writer expects a stream to be at: a version, "does not exist yet", or anything. */
export type ExpectedVersion = number | 'no-stream' | 'any';

/** An event as a command produces it, before the store gives it an id, a position and a time. */
export type NewEvent = CrmEvent;

/**
 * One stream's part in an append. With no events it is a condition only: the append goes ahead only if
 * the stream is still at `expectedVersion` (e.g. an account that must stay active while a contact links to it).
 */
export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

/** Makes a command safe to retry: the same key from the same actor returns the first result. */
export interface IdempotencyClaim {
  readonly actorId: string;
  readonly key: string;
  /** A digest of the command; the same key with a different command is refused. */
  readonly requestHash: string;
  /** What the first execution answered, returned as is to every retry. */
  readonly result: JsonValue;
}

export interface AppendRequest {
  readonly streams: readonly StreamAppend[];
  readonly metadata: EventMetadata;
  readonly idempotency?: IdempotencyClaim;
  /** When the change happened; the store's clock when omitted. */
  readonly recordedAt?: Date;
  /**
   * People whose data keys this append destroys (erasure), in the same transaction where the store allows:
   * their personal data in every event then reads as erased.
   */
  readonly eraseSubjects?: readonly string[];
}

/**
 * A place in the order a catch-up reader sees events: the commit order (`txId`, a decimal 64-bit number;
 * "0" where positions are already commit order, as on SQLite) and then the global position.
 */
export interface CatchUpCheckpoint {
  readonly txId: string;
  readonly position: number;
}

/** Before the first event. */
export const CATCH_UP_START: CatchUpCheckpoint = { txId: '0', position: 0 };

/** Orders checkpoints: by commit order, then position. */
export function compareCheckpoints(a: CatchUpCheckpoint, b: CatchUpCheckpoint): number {
  const tx = BigInt(a.txId) - BigInt(b.txId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  return a.position - b.position;
}

export interface CatchUpBatch {
  readonly events: readonly RecordedEvent[];
  /** Where the next read starts: after the last event returned (or where this read started, when it is empty). */
  readonly checkpoint: CatchUpCheckpoint;
}

export interface AppendResult {
  /** The global position of the last event written (or, for a pure condition, the store's head). */
  readonly position: number;
  /** The catch-up checkpoint of the last event written: read models that reached it include this append. */
  readonly checkpoint: CatchUpCheckpoint;
  readonly events: readonly RecordedEvent[];
  /** The version each named stream is at after the append. */
  readonly versions: ReadonlyMap<string, number>;
}

export interface StoredIdempotentResult {
  readonly requestHash: string;
  readonly result: JsonValue;
  /** The position the first execution's append ended at. */
  readonly position: number;
}

export interface ReadStreamOptions {
  /** First version to return (inclusive), default 1. */
  readonly fromVersion?: number;
  /** Last version to return (inclusive). */
  readonly toVersion?: number;
  /** Only events recorded at or before this instant. */
  readonly until?: Date;
}

export interface ReadAllOptions {
  /** Return events after this global position (exclusive); 0 for the beginning. */
  readonly after: number;
  readonly limit: number;
}

/** The result of walking the hash chain. */
export interface ChainReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** The position of the first event whose hash does not follow from its predecessor and its own bytes. */
  readonly firstBrokenPosition: number | null;
}

export interface Subscription {
  close(): void;
}

/** Where events live. Adapters: SQLite (embedded), PostgreSQL, KurrentDB. */
export interface EventStore {
  /** Appends only if every stream is at its expected version; otherwise writes nothing. */
  append(request: AppendRequest): Promise<AppendResult>;
  /** Events of one stream in version order; empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global position order (for audits and verification). */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Events after `after` in the order a catch-up reader must apply them: never an event that could still be
   * preceded by one committing later. Projectors read only this way and store the returned checkpoint.
   */
  readCatchUp(after: CatchUpCheckpoint, limit: number): Promise<CatchUpBatch>;
  /** The global position of the last event, 0 when empty. */
  headPosition(): Promise<number>;
  /** The checkpoint of the last committed event, in catch-up order: a reader that reached it has seen everything committed before the call. */
  headCheckpoint(): Promise<CatchUpCheckpoint>;
  /**
   * The checkpoint of the event at `position`: read models that reached it include that event. A replayed
   * idempotent command waits for it, so its answer shows the first execution's change even when another
   * process wrote it.
   */
  checkpointAt(position: number): Promise<CatchUpCheckpoint>;
  /** The stored result of an earlier command with this idempotency key, if it is still retained. */
  findIdempotentResult(actorId: string, key: string): Promise<StoredIdempotentResult | null>;
  /** Walks the hash chain from the first event. */
  verify(): Promise<ChainReport>;
  /**
   * Delivers every event after `after`, then new ones as they are appended, in global order.
   * `handler` is awaited before the next batch.
   */
  subscribe(after: number, handler: (events: readonly RecordedEvent[]) => Promise<void>): Subscription;
  close(): Promise<void>;
}

/**
 * Work that must commit or roll back together with an append: the inline projections.
 * An adapter that supports it calls these inside its write transaction.
 */
export interface TransactionalHook {
  /** Called with the events one append just wrote; a throw rolls that append back (and only that one). */
  onAppended(events: readonly RecordedEvent[]): Promise<void>;
  /** Called once per transaction, before it commits, with the last position written in it. */
  beforeCommit(lastPosition: number): Promise<void>;
}
