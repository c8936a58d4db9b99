import { createHash } from 'node:crypto';
import type { CrmEvent, EventSource, JsonValue } from '../../events';
import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import { ForbiddenError, VersionConflictError, ValidationError, type RecordKind } from '../domain/errors';
import { PRIVILEGE_DESCRIPTIONS, allows, depthOf, type Privilege } from '../domain/security/privileges';
import { userDecider } from '../domain/user/user.decider';
import { initialUserState } from '../domain/user/user.state';
import { isUuid } from '../shared/ids';
import { IdempotencyKeyReusedError, IdempotentReplay, WrongExpectedVersionError } from '../event-store/errors';
import {
  CATCH_UP_START,
  type CatchUpCheckpoint,
  type EventStore,
  type ExpectedVersion,
  type RecordedEvent,
  type StreamAppend,
} from '../event-store/event-store';
import { systemClock, type Clock } from '../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../shared/ids';
import { KeyedMutex } from './keyed-mutex';
import { StateCache } from './state-cache';

/** Who issues a command and how it arrived; recorded in every event's metadata. */
export interface CommandContext {
  readonly actorId: string;
  readonly source: EventSource;
  /** The request or job this command is part of. */
  readonly correlationId?: string;
  readonly causationId?: string | null;
  /** Makes the command safe to retry: the same key from the same actor returns the first result. */
  readonly idempotencyKey?: string | null;
}

/** How a stream folds: the same shape as a decider's `evolve` and `initialState`. */
export interface Fold<State, Event> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
}

/** What a command's plan sees: loads that remember the version they read. */
export interface CommandScope {
  /** The stream's current state, folded from its events (through the cache). */
  load<State, Event extends CrmEvent>(streamId: string, fold: Fold<State, Event>): Promise<State>;
  /**
   * Pins a stream to the version the client last saw: refuses with CONFLICT now if it moved on, and makes the
   * append fail (not retry) if it moves before the append.
   */
  expectVersion(streamId: string, expected: number | null | undefined, record: { kind: RecordKind; id: string }): void;
  /** The version a loaded stream was at (0 when it does not exist). */
  versionOf(streamId: string): number;
  /** A stream this command creates under a fresh id: its initial state, without reading (appended with "no stream"). */
  fresh<State, Event extends CrmEvent>(streamId: string, fold: Fold<State, Event>): State;
  /**
   * Checks, before anything is decided, that the acting user may use `privilege` — on a record owned by
   * `ownerId` when the privilege is about a record. Throws ForbiddenError naming the missing privilege.
   * Every command calls it; the actor's user stream becomes a condition of the append, so a role taken
   * away meanwhile refuses the command instead of letting it through.
   */
  authorize(privilege: Privilege, ownerId?: string | null): Promise<void>;
}

/** What a plan decided: the events per stream, the streams that must not move, and the answer to return. */
export interface Decision<Result extends JsonValue> {
  readonly events: ReadonlyMap<string, readonly CrmEvent[]>;
  /** Streams that were read and must still be at that version when appending (nothing is appended to them). */
  readonly conditions?: readonly string[];
  /** People whose data keys the append destroys (erasure). */
  readonly eraseSubjects?: readonly string[];
  readonly result: Result;
}

export interface CommandOutcome<Result extends JsonValue> {
  readonly result: Result;
  /** The position of the last event written, or of the record's last event when nothing changed. */
  readonly position: number;
  /** Where the read models must be for this change to show (the start when nothing was written). */
  readonly checkpoint: CatchUpCheckpoint;
  /** The events this execution wrote (none for a no-op or an idempotent replay). */
  readonly events: readonly RecordedEvent[];
  /** True when an earlier execution with the same idempotency key answered. */
  readonly replayed: boolean;
}

export interface CommandHandlerOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly cache?: StateCache;
  /** How many times a command is re-decided after losing a race (default 5). */
  readonly maxRetries?: number;
}

/**
 * Runs commands: load → decide → append with the versions that were read, atomically across streams.
 * A lost race (another writer moved a stream) re-runs the plan on fresh state, since every plan decides
 * from what it loads; a client-pinned `expectedVersion` is never retried (CONFLICT).
 */
export class CommandHandler {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cache: StateCache;
  private readonly maxRetries: number;
  private readonly locks = new KeyedMutex();

  constructor(
    private readonly store: EventStore,
    options: CommandHandlerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? uuidV7Ids;
    this.cache = options.cache ?? new StateCache();
    this.maxRetries = options.maxRetries ?? 10;
  }

  /**
   * Runs `plan` until its append succeeds. `name` and `payload` identify the request for idempotency: a retry
   * must send the same command with the same key. Commands naming the same `target` stream run one at a
   * time in this process.
   */
  async run<Result extends JsonValue>(
    context: CommandContext,
    name: string,
    payload: unknown,
    plan: (scope: CommandScope) => Promise<Decision<Result>>,
    target?: string,
  ): Promise<CommandOutcome<Result>> {
    const release = target === undefined ? null : await this.locks.acquire(target);
    try {
      return await this.attempt(context, name, payload, plan);
    } finally {
      release?.();
    }
  }

  private async attempt<Result extends JsonValue>(
    context: CommandContext,
    name: string,
    payload: unknown,
    plan: (scope: CommandScope) => Promise<Decision<Result>>,
  ): Promise<CommandOutcome<Result>> {
    const key = context.idempotencyKey ?? null;
    const requestHash = key === null ? '' : hashRequest(name, payload);
    if (key !== null) {
      if (key.length === 0 || key.length > 200) throw ValidationError.of('idempotencyKey', 'must be 1 to 200 characters');
      const prior = await this.store.findIdempotentResult(context.actorId, key);
      if (prior) return await this.replay(key, requestHash, prior.requestHash, prior.result, prior.position);
    }
    const commandId = this.ids.next();
    for (let attempt = 0; ; attempt += 1) {
      const scope = new Scope(this.store, this.cache, context.actorId);
      const decision = await plan(scope);
      if (!scope.authorized) throw new Error(`The command ${name} decided without checking the actor's privileges`);
      const streams = scope.appendsFor(decision);
      const written = streams.some((stream) => stream.events.length > 0);
      if (!written)
        return { result: decision.result, position: scope.lastPosition(), checkpoint: CATCH_UP_START, events: [], replayed: false };
      try {
        const appended = await this.store.append({
          streams,
          metadata: {
            actorId: context.actorId,
            commandId,
            correlationId: context.correlationId ?? commandId,
            causationId: context.causationId ?? null,
            source: context.source,
          },
          recordedAt: this.clock.now(),
          ...(decision.eraseSubjects?.length ? { eraseSubjects: decision.eraseSubjects } : {}),
          ...(key === null ? {} : { idempotency: { actorId: context.actorId, key, requestHash, result: decision.result } }),
        });
        scope.remember(appended.events);
        return {
          result: decision.result,
          position: appended.position,
          checkpoint: appended.checkpoint,
          events: appended.events,
          replayed: false,
        };
      } catch (error) {
        if (error instanceof IdempotentReplay)
          return await this.replay(key!, requestHash, error.requestHash, error.result as Result, error.position);
        if (error instanceof IdempotencyKeyReusedError) throw keyReused(error.key);
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        for (const stream of streams) this.cache.delete(stream.streamId);
        const pinned = scope.pinned.get(error.streamId);
        if (pinned) throw new VersionConflictError(pinned.kind, pinned.id, pinned.expected, error.actual);
        if (attempt >= this.maxRetries) throw error;
        // Another process won the race: back off a little, with jitter, before re-deciding.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (attempt + 1)));
      }
    }
  }

  /**
   * The first execution's answer. Its checkpoint is that execution's, so a caller waiting for the read models
   * (read-your-writes) sees the change even when another process made it and this one has not projected it yet.
   */
  private async replay<Result extends JsonValue>(
    key: string,
    requestHash: string,
    priorHash: string,
    result: JsonValue,
    position: number,
  ): Promise<CommandOutcome<Result>> {
    if (priorHash !== requestHash) throw keyReused(key);
    const checkpoint = position > 0 ? await this.store.checkpointAt(position) : CATCH_UP_START;
    return { result: result as Result, position, checkpoint, events: [], replayed: true };
  }
}

function keyReused(key: string): ValidationError {
  return ValidationError.of('idempotencyKey', `the key "${key}" was already used for a different request`);
}

/** A stable digest of a command: its name and its payload with keys sorted. */
export function hashRequest(name: string, payload: unknown): string {
  return createHash('sha256').update(name).update('\n').update(canonicalJson(payload)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface LoadedStream {
  readonly version: number;
  readonly lastPosition: number;
  readonly fold: Fold<unknown, CrmEvent>;
  readonly state: unknown;
}

/** One attempt of one command: what it loaded, at which versions. */
class Scope implements CommandScope {
  readonly loaded = new Map<string, LoadedStream>();
  readonly pinned = new Map<string, { kind: RecordKind; id: string; expected: number }>();
  /** Streams read by the scope itself that the append must hold (the actor's user stream). */
  private readonly ownConditions: string[] = [];
  authorized = false;

  constructor(
    private readonly store: EventStore,
    private readonly cache: StateCache,
    private readonly actorId: string,
  ) {}

  async authorize(privilege: Privilege, ownerId?: string | null): Promise<void> {
    this.authorized = true;
    // The system acts for operators with access to the database itself (bootstrap, local CLI work).
    if (this.actorId === SYSTEM_ACTOR_ID) return;
    const stream = streamIds.user(this.actorId);
    const actor = isUuid(this.actorId) ? await this.load(stream, userDecider) : initialUserState;
    if (isUuid(this.actorId)) this.ownConditions.push(stream);
    if (!actor.exists || !actor.active)
      throw new ForbiddenError(privilege, 'Your user is deactivated or unknown: you can no longer make changes');
    if (allows(actor.roles, privilege, this.actorId, ownerId)) return;
    const description = PRIVILEGE_DESCRIPTIONS[privilege];
    throw new ForbiddenError(
      privilege,
      depthOf(actor.roles, privilege) === 'own'
        ? `You may ${description} only on records you own (privilege: ${privilege})`
        : `Your roles (${actor.roles.join(', ')}) do not allow you to ${description} (privilege: ${privilege})`,
    );
  }

  async load<State, Event extends CrmEvent>(streamId: string, fold: Fold<State, Event>): Promise<State> {
    const known = this.loaded.get(streamId);
    if (known && known.fold === fold) return known.state as State;
    const cached = this.cache.get(streamId);
    const base = cached && cached.evolve === fold.evolve ? cached : { state: fold.initialState, version: 0, lastPosition: 0 };
    const newer = await this.store.readStream(streamId, { fromVersion: base.version + 1 });
    let state = base.state as State;
    for (const event of newer) state = fold.evolve(state, event as unknown as Event);
    const last = newer[newer.length - 1];
    const entry = {
      state,
      version: last?.streamVersion ?? base.version,
      lastPosition: last?.globalPosition ?? base.lastPosition,
      fold: fold as unknown as Fold<unknown, CrmEvent>,
    };
    this.loaded.set(streamId, entry);
    if (entry.version > 0)
      this.cache.set(streamId, { state, version: entry.version, lastPosition: entry.lastPosition, evolve: fold.evolve });
    return state;
  }

  fresh<State, Event extends CrmEvent>(streamId: string, fold: Fold<State, Event>): State {
    this.loaded.set(streamId, { state: fold.initialState, version: 0, lastPosition: 0, fold: fold as unknown as Fold<unknown, CrmEvent> });
    return fold.initialState;
  }

  expectVersion(streamId: string, expected: number | null | undefined, record: { kind: RecordKind; id: string }): void {
    if (expected === null || expected === undefined) return;
    const actual = this.versionOf(streamId);
    if (actual !== expected) throw new VersionConflictError(record.kind, record.id, expected, actual);
    this.pinned.set(streamId, { ...record, expected });
  }

  versionOf(streamId: string): number {
    const stream = this.loaded.get(streamId);
    if (!stream) throw new Error(`Stream ${streamId} was not loaded by this command`);
    return stream.version;
  }

  lastPosition(): number {
    let position = 0;
    for (const stream of this.loaded.values()) position = Math.max(position, stream.lastPosition);
    return position;
  }

  appendsFor(decision: Decision<JsonValue>): StreamAppend[] {
    const streams: StreamAppend[] = [];
    for (const [streamId, events] of decision.events) {
      streams.push({ streamId, expectedVersion: this.expectedFor(streamId), events });
    }
    for (const streamId of new Set([...(decision.conditions ?? []), ...this.ownConditions])) {
      if (decision.events.has(streamId)) continue;
      streams.push({ streamId, expectedVersion: this.expectedFor(streamId), events: [] });
    }
    return streams;
  }

  /** Folds what was just appended into the cache, so the next command on these streams reads nothing. */
  remember(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const stream = this.loaded.get(event.streamId);
      if (!stream) continue;
      const next = {
        ...stream,
        state: stream.fold.evolve(stream.state, event),
        version: event.streamVersion,
        lastPosition: event.globalPosition,
      };
      this.loaded.set(event.streamId, next);
      this.cache.set(event.streamId, {
        state: next.state,
        version: next.version,
        lastPosition: next.lastPosition,
        evolve: stream.fold.evolve,
      });
    }
  }

  private expectedFor(streamId: string): ExpectedVersion {
    const stream = this.loaded.get(streamId);
    if (!stream) return 'no-stream';
    return stream.version === 0 ? 'no-stream' : stream.version;
  }
}
