import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { assertNever } from '../../shared/assert-never';
import { systemClock, type Clock } from '../../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../../shared/ids';
import { IdempotencyKeyReusedError, IdempotentReplay, WrongExpectedVersionError } from '../errors';
import type {
  AppendRequest,
  AppendResult,
  CatchUpBatch,
  CatchUpCheckpoint,
  ChainReport,
  EventStore,
  IdempotencyClaim,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredIdempotentResult,
  StreamAppend,
} from '../event-store';
import {
  appendRecordsArguments,
  multiStreamAppendRequests,
  planAppend,
  routeOf,
  type AppendPlan,
  type AppendRoute,
  type PlanInputs,
  type PlannedWrite,
} from './kurrentdb-append-plan';
import { KurrentDbChainHeads, EMPTY_STREAM_HEAD, type ChainHead } from './kurrentdb-chain-heads';
import { KurrentDbChainVerifier } from './kurrentdb-chain-verifier';
import type { AllSubscriptionSource, KurrentDbClientPort } from './kurrentdb-client-port';
import { kurrentDbConnectionString, redactConnectionString } from './kurrentdb-connection-string';
import { MultiStreamAppendUnsupportedError, conflictsOf, isMissingStream, isUnsupported } from './kurrentdb-errors';
import { revisionOfVersion, versionOfRevision } from './kurrentdb-expected-version';
import { decodeIdempotencyClaim, isClaimRetained, type IdempotencyClaimData } from './kurrentdb-idempotency-claim';
import { globalPositionOf, readPositionAfter } from './kurrentdb-position';
import { isOwnRecord, recordedEventOf, storedRecordOf, type StoredRecord } from './kurrentdb-record';
import { decodeRecordMetadata } from './kurrentdb-record-metadata';
import { KurrentDbStreamNames } from './kurrentdb-stream-names';
import { KurrentDbSubscription } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Prefixes every stream with `<namespace>:` so that stores (tenants, test runs) can share a server; none by default. */
  readonly namespace?: string;
  /** How long idempotency keys are honoured (default 24 h). */
  readonly idempotencyRetentionMs?: number;
  /** How many events one read of `$all` asks for (default 500). */
  readonly pageSize?: number;
  /** How many times an append is tried when a stream it expects at 'any' moved under it (default 10). */
  readonly anyVersionAttempts?: number;
  /** How many streams' last hashes are remembered (default 10 000). */
  readonly chainHeadCapacity?: number;
  /** The most events one subscription handler call gets (default 500). */
  readonly subscriptionBatchSize?: number;
  /** A subscription reconnects this long after its connection failed, doubling up to 30 s (default 500 ms). */
  readonly subscriptionRetryDelayMs?: number;
  /** Where a subscription handler's error goes (the subscription has stopped). Default: an unhandled rejection, as on SQLite. */
  readonly onSubscriptionError?: (error: unknown) => void;
  /** How many streams `verify` reads at once (default 8). */
  readonly verifyConcurrency?: number;
}

/**
 * Which atomic append the server offers, learnt from the first refusal: `appendRecords` (26.1+, writes plus
 * consistency checks on any stream), `multiStreamAppend` (25.1+, writes only), or none (single-stream appends).
 */
type AtomicAppendApi = 'append-records' | 'multi-stream-append' | 'none';

/** The claim found in a claim stream: its revision (what a new claim must expect) and content if it decodes. */
interface ExistingClaim {
  readonly revision: bigint;
  readonly claim: IdempotencyClaimData | null;
}

/** A stream the append expected at 'any' (or the key's claim) moved between our read and our write: try again. */
class LostRaceError extends Error {
  constructor(readonly whenOutOfAttempts: Error) {
    super(whenOutOfAttempts.message);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SUBSCRIPTION_RETRY_DELAY_MS = 30_000;

/**
 * The EventStore port on KurrentDB (formerly EventStoreDB) through its official gRPC client. See README.md for
 * the mapping. In short: our streams are KurrentDB streams of the same name, versions are revisions + 1, the
 * global position is the `$all` commit position, and everything else (metadata, schema version, time, hash
 * chain link) is in each event's metadata. A command that names several streams is written with one atomic
 * multi-stream append, or refused when the server has none. The hash chain runs per stream.
 *
 * The store owns the client: `close` disposes it.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly names: KurrentDbStreamNames;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly retentionMs: number;
  private readonly pageSize: number;
  private readonly anyVersionAttempts: number;
  private readonly subscriptionBatchSize: number;
  private readonly subscriptionRetryDelayMs: number;
  private readonly onSubscriptionError: (error: unknown) => void;
  private readonly verifyConcurrency: number;
  private readonly heads: KurrentDbChainHeads;
  private atomicApi: AtomicAppendApi = 'append-records';
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly pendingAppends = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly client: KurrentDbClientPort,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.names = new KurrentDbStreamNames(options.namespace);
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? uuidV7Ids;
    this.retentionMs = options.idempotencyRetentionMs ?? DAY_MS;
    this.pageSize = Math.max(2, options.pageSize ?? 500);
    this.anyVersionAttempts = Math.max(1, options.anyVersionAttempts ?? 10);
    this.heads = new KurrentDbChainHeads(options.chainHeadCapacity ?? 10_000);
    this.subscriptionBatchSize = Math.max(1, options.subscriptionBatchSize ?? 500);
    this.subscriptionRetryDelayMs = options.subscriptionRetryDelayMs ?? 500;
    this.onSubscriptionError = options.onSubscriptionError ?? rethrowUnhandled;
    this.verifyConcurrency = Math.max(1, options.verifyConcurrency ?? 8);
  }

  append(request: AppendRequest): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    const pending = this.appendWithRetries(request);
    const tracked = pending.catch(() => undefined);
    this.pendingAppends.add(tracked);
    void tracked.then(() => this.pendingAppends.delete(tracked));
    return pending;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(options.fromVersion ?? 1, 1);
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    if (to < from) return [];
    const until = options.until?.getTime();
    const records: StoredRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(this.names.toKurrent(streamId), {
        fromRevision: revisionOfVersion(from),
        direction: FORWARDS,
        ...(to === Number.MAX_SAFE_INTEGER ? {} : { maxCount: to - from + 1 }),
      })) {
        const record = storedRecordOf(resolved, this.names);
        if (record) records.push(record);
      }
    } catch (error) {
      if (isMissingStream(error)) return [];
      throw error;
    }
    const last = records[records.length - 1];
    if (last?.meta && to === Number.MAX_SAFE_INTEGER) this.heads.remember(streamId, { version: last.streamVersion, hash: last.meta.hash });
    return records.map(recordedEventOf).filter((event) => until === undefined || Date.parse(event.recordedAt) <= until);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (options.limit <= 0) return events;
    for await (const record of this.walkAll(options.after)) {
      if (!isOwnRecord(record)) continue;
      events.push(recordedEventOf(record));
      if (events.length >= options.limit) break;
    }
    return events;
  }

  /** `$all` is in commit order, so a catch-up reader reads it like `readAll`; the checkpoint's txId is always "0". */
  async readCatchUp(after: CatchUpCheckpoint, limit: number): Promise<CatchUpBatch> {
    const events = await this.readAll({ after: after.position, limit });
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { txId: '0', position: last.globalPosition } : after };
  }

  /** `$all` is in commit order: its last event is the head. */
  async headCheckpoint(): Promise<CatchUpCheckpoint> {
    return { txId: '0', position: await this.headPosition() };
  }

  /** `$all` is in commit order: the position alone is the checkpoint. */
  checkpointAt(position: number): Promise<CatchUpCheckpoint> {
    return Promise.resolve({ txId: '0', position });
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    let before: number | null = null;
    for (;;) {
      const page = await collect(
        this.client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: this.pageSize, filter: this.names.allFilter() }),
      );
      let progressed = false;
      for (const resolved of page) {
        const position = positionOfResolved(resolved);
        if (position === null || (before !== null && position >= before)) continue;
        before = position;
        progressed = true;
        const record = storedRecordOf(resolved, this.names);
        if (record && isOwnRecord(record)) return record.globalPosition;
      }
      if (!progressed || before === null || page.length < this.pageSize) return 0;
      from = { commit: BigInt(before), prepare: BigInt(before) };
    }
  }

  async findIdempotentResult(actorId: string, key: string): Promise<StoredIdempotentResult | null> {
    const claim = this.retained(await this.readClaim(this.names.idempotencyStream(actorId, key)), actorId, key);
    if (!claim) return null;
    return { requestHash: claim.requestHash, result: claim.result, position: await this.positionOfClaim(claim) };
  }

  /**
   * Walks `$all` once, checking each stream's chain, then reads the first event of every stream it saw: one whose
   * history no longer starts where `$all` says it did has lost events (see `KurrentDbChainVerifier`).
   */
  async verify(): Promise<ChainReport> {
    const verifier = new KurrentDbChainVerifier();
    for await (const record of this.walkAll(0)) verifier.check(record);
    await forEachLimited(verifier.seenStreams(), this.verifyConcurrency, async (stream) => {
      verifier.checkVisible(stream.streamId, await this.firstVisibleVersion(stream.streamId));
    });
    return verifier.report();
  }

  subscribe(after: number, handler: (events: readonly RecordedEvent[]) => Promise<void>): KurrentDbSubscription {
    if (this.closed) throw new Error('The event store is closed');
    readPositionAfter(after); // refuses a malformed position now rather than in the background
    const subscription = new KurrentDbSubscription({
      open: (from): AllSubscriptionSource =>
        this.client.subscribeToAll({ fromPosition: readPositionAfter(from), filter: this.names.allFilter(), resolveLinkTos: false }),
      decode: (resolved) => {
        const record = storedRecordOf(resolved, this.names);
        return record && isOwnRecord(record) ? recordedEventOf(record) : null;
      },
      handler,
      after,
      maxBatch: this.subscriptionBatchSize,
      retryDelayMs: this.subscriptionRetryDelayMs,
      maxRetryDelayMs: MAX_SUBSCRIPTION_RETRY_DELAY_MS,
      onError: this.onSubscriptionError,
    });
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Stops the subscriptions (after their handler call in progress), lets appends in flight finish, disposes the client. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subscriptions = [...this.subscriptions];
    for (const subscription of subscriptions) subscription.close();
    await Promise.all([...subscriptions.map((subscription) => subscription.done), ...this.pendingAppends]);
    await this.client.dispose();
  }

  private async appendWithRetries(request: AppendRequest): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.appendOnce(request);
      } catch (error) {
        if (!(error instanceof LostRaceError)) throw error;
        if (attempt >= this.anyVersionAttempts) throw error.whenOutOfAttempts;
      }
    }
  }

  private async appendOnce(request: AppendRequest): Promise<AppendResult> {
    const recordedAt = (request.recordedAt ?? this.clock.now()).toISOString();
    const claim = request.idempotency ? await this.prepareClaim(request.idempotency, request) : null;
    const heads = await this.chainHeadsFor(request.streams);
    const plan = planAppend(request, { heads, ids: this.ids, names: this.names, recordedAt, claim });
    let revisions: ReadonlyMap<string, bigint>;
    try {
      revisions = await this.write(plan, routeOf(plan), request);
    } catch (error) {
      throw await this.refusalOf(error, plan, request);
    }
    return this.resultOf(plan, revisions, request);
  }

  /** Refuses a key already claimed (replay or reuse), else says how a new claim must be written. */
  private async prepareClaim(idempotency: IdempotencyClaim, request: AppendRequest): Promise<PlanInputs['claim']> {
    const streamName = this.names.idempotencyStream(idempotency.actorId, idempotency.key);
    const existing = await this.readClaim(streamName);
    const retained = this.retained(existing, idempotency.actorId, idempotency.key);
    if (retained) throw await this.replayOf(retained, idempotency);
    const writesEvents = request.streams.some((stream) => stream.events.length > 0);
    return {
      streamName,
      // A new claim, or one replacing an expired claim of the same key.
      state: existing ? existing.revision : NO_STREAM,
      claimedAt: this.clock.now().toISOString(),
      headAtClaim: writesEvents ? 0 : await this.headPosition(),
    };
  }

  private async replayOf(claim: IdempotencyClaimData, idempotency: IdempotencyClaim): Promise<Error> {
    if (claim.requestHash !== idempotency.requestHash) return new IdempotencyKeyReusedError(idempotency.key);
    return new IdempotentReplay(idempotency.key, claim.requestHash, claim.result, await this.positionOfClaim(claim));
  }

  private retained(existing: ExistingClaim | null, actorId: string, key: string): IdempotencyClaimData | null {
    const claim = existing?.claim;
    if (!claim || claim.actorId !== actorId || claim.key !== key) return null;
    return isClaimRetained(claim, this.clock.now(), this.retentionMs) ? claim : null;
  }

  /**
   * The head each written stream's new events chain from. A stream expected not to exist chains from GENESIS
   * without a read (the server refuses the append if it does exist); one expected at the version this store
   * last saw it uses the remembered hash; any other is read from the leader.
   */
  private async chainHeadsFor(streams: readonly StreamAppend[]): Promise<Map<string, ChainHead>> {
    const heads = new Map<string, ChainHead>();
    await Promise.all(
      streams
        .filter((stream) => stream.events.length > 0)
        .map(async (stream) => {
          const expected = stream.expectedVersion;
          if (expected === 'no-stream' || expected === 0) return heads.set(stream.streamId, EMPTY_STREAM_HEAD);
          const known = typeof expected === 'number' ? this.heads.at(stream.streamId, expected) : null;
          if (known) return heads.set(stream.streamId, known);
          const head = await this.readHead(this.names.toKurrent(stream.streamId));
          if (head.hash === null) {
            throw new Error(
              `The last event of ${stream.streamId} (version ${head.version}) was not written by this event store; refusing to chain from it`,
            );
          }
          return heads.set(stream.streamId, { version: head.version, hash: head.hash });
        }),
    );
    return heads;
  }

  /** Sends the plan; answers each written stream's last revision (by KurrentDB stream name). */
  private async write(plan: AppendPlan, route: AppendRoute, request: AppendRequest): Promise<ReadonlyMap<string, bigint>> {
    switch (route.kind) {
      case 'check-only':
        await this.checkConditions(plan);
        return new Map();
      case 'single-stream':
        return this.appendToOneStream(route.write);
      case 'atomic':
        return this.appendAtomically(plan, request);
      default:
        return assertNever(route);
    }
  }

  /** Nothing to write, so nothing to keep atomic: each condition is checked by reading its stream. */
  private async checkConditions(plan: AppendPlan): Promise<void> {
    for (const condition of plan.conditions) {
      const { version } = await this.readHead(condition.streamName);
      const expected = condition.expected === 'no-stream' ? 0 : condition.expected;
      if (version !== expected) throw new WrongExpectedVersionError(condition.streamId, condition.expected, version);
    }
  }

  private async appendToOneStream(write: PlannedWrite): Promise<ReadonlyMap<string, bigint>> {
    const result = await this.client.appendToStream(
      write.streamName,
      write.events.map((event) => event.data),
      { streamState: write.state },
    );
    if (!result.success) {
      // Only with `throwOnAppendFailure=false` in the connection string: the refusal comes back as a value.
      const { version } = await this.readHead(write.streamName);
      throw new KurrentWrongExpectedVersionError(undefined, {
        streamName: write.streamName,
        expected: write.state,
        current: version === 0 ? NO_STREAM : revisionOfVersion(version),
      });
    }
    return new Map([[write.streamName, result.nextExpectedRevision]]);
  }

  /** One atomic append through the best API the server has; refuses (writing nothing) when it has none that fits. */
  private async appendAtomically(plan: AppendPlan, request: AppendRequest): Promise<ReadonlyMap<string, bigint>> {
    const streamIds = request.streams.map((stream) => stream.streamId);
    for (;;) {
      switch (this.atomicApi) {
        case 'append-records': {
          const { records, checks } = appendRecordsArguments(plan);
          try {
            return revisionsOf((await this.client.appendRecords(records, checks)).responses);
          } catch (error) {
            if (!isUnsupported(error)) throw error;
            this.atomicApi = 'multi-stream-append';
          }
          break;
        }
        case 'multi-stream-append': {
          if (plan.conditions.length > 0) throw new MultiStreamAppendUnsupportedError(streamIds, 'consistency-checks');
          try {
            return revisionsOf((await this.client.multiStreamAppend(multiStreamAppendRequests(plan))).responses);
          } catch (error) {
            if (!isUnsupported(error)) throw error;
            this.atomicApi = 'none';
          }
          break;
        }
        case 'none':
          return this.appendWithoutAtomicity(plan, streamIds);
        default:
          return assertNever(this.atomicApi);
      }
    }
  }

  /**
   * A server without multi-stream append can still take one stream's events plus their idempotency claim, in
   * two appends: the events first, then the claim. Weaker than atomic (README): if the process dies between
   * the two, or two retries with the same key race, the command's events can be written twice. Anything
   * else that names several streams is refused before writing.
   */
  private async appendWithoutAtomicity(plan: AppendPlan, streamIds: readonly string[]): Promise<ReadonlyMap<string, bigint>> {
    const [only, ...others] = plan.writes;
    if (!only || others.length > 0 || plan.conditions.length > 0 || !plan.claim) {
      throw new MultiStreamAppendUnsupportedError(streamIds, plan.conditions.length > 0 ? 'consistency-checks' : 'multi-stream-append');
    }
    const revisions = await this.appendToOneStream(only);
    try {
      await this.client.appendToStream(plan.claim.streamName, [plan.claim.data], { streamState: plan.claim.state });
    } catch {
      // The events are durable and the caller must hear so. A lost claim (a concurrent retry claimed the key, or
      // the connection failed) only means a later retry with this key may run the command again.
    }
    return revisions;
  }

  /** Translates a refusal: our WrongExpectedVersionError for the first conflicting stream, a replay for a lost key race. */
  private async refusalOf(error: unknown, plan: AppendPlan, request: AppendRequest): Promise<unknown> {
    const conflicts = conflictsOf(error);
    if (!conflicts) return error;
    const actualOf = new Map(conflicts.map((conflict) => [conflict.streamName, conflict.actual]));
    const { claim } = plan;
    if (claim && actualOf.has(claim.streamName)) {
      // Another command claimed the key between our check and our write: answer as if it had been first.
      const idempotency = request.idempotency!;
      const retained = this.retained(await this.readClaim(claim.streamName), idempotency.actorId, idempotency.key);
      if (retained) return this.replayOf(retained, idempotency);
      return new LostRaceError(new Error(`The claim of idempotency key "${idempotency.key}" kept changing; nothing was written`));
    }
    for (const stream of request.streams) {
      const actual = actualOf.get(this.names.toKurrent(stream.streamId));
      if (actual === undefined) continue;
      const refusal = new WrongExpectedVersionError(stream.streamId, stream.expectedVersion, actual);
      // 'any' only promised to take whatever version it finds; the chain needed an exact one, which moved.
      return stream.expectedVersion === 'any' ? new LostRaceError(refusal) : refusal;
    }
    return error;
  }

  private async resultOf(plan: AppendPlan, revisions: ReadonlyMap<string, bigint>, request: AppendRequest): Promise<AppendResult> {
    for (const write of plan.writes) {
      const revision = revisions.get(write.streamName);
      const planned = write.head.version + write.events.length;
      if (revision !== undefined && versionOfRevision(revision) !== planned) {
        throw new Error(
          `KurrentDB stored the events of ${write.streamId} up to version ${versionOfRevision(revision)}, not ${planned}: ` +
            'the stream was deleted outside this store, and verify() reports the break',
        );
      }
    }
    const positions = await this.positionsOf(plan.writes);
    const events: RecordedEvent[] = plan.writes.flatMap((write) =>
      write.events.map((planned) => ({
        ...planned.event,
        eventId: planned.eventId,
        streamId: write.streamId,
        streamVersion: planned.streamVersion,
        globalPosition: positions.get(planned.eventId)!,
        metadata: planned.meta.metadata,
        recordedAt: planned.meta.recordedAt,
      })),
    );
    for (const write of plan.writes) {
      const last = write.events[write.events.length - 1]!;
      this.heads.remember(write.streamId, { version: last.streamVersion, hash: last.meta.hash });
    }
    const position = events.length > 0 ? Math.max(...events.map((event) => event.globalPosition)) : await this.headPosition();
    return { position, checkpoint: { txId: '0', position }, events, versions: await this.versionsAfter(plan, request) };
  }

  /** The version every named stream is at after the append. */
  private async versionsAfter(plan: AppendPlan, request: AppendRequest): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (const stream of request.streams) {
      const write = plan.writes.find((candidate) => candidate.streamId === stream.streamId);
      const expected = stream.expectedVersion;
      if (write) versions.set(stream.streamId, write.head.version + write.events.length);
      else if (expected === 'no-stream') versions.set(stream.streamId, 0);
      else if (typeof expected === 'number') versions.set(stream.streamId, expected);
      else versions.set(stream.streamId, (await this.readHead(this.names.toKurrent(stream.streamId))).version);
    }
    return versions;
  }

  /** The `$all` positions of the events just written, read back from the leader (the append's answer does not carry one per event). */
  private async positionsOf(writes: readonly PlannedWrite[]): Promise<Map<string, number>> {
    const positions = new Map<string, number>();
    await Promise.all(
      writes.map(async (write) => {
        const read = await collect(
          this.client.readStream(write.streamName, {
            fromRevision: BigInt(write.head.version),
            maxCount: write.events.length,
            direction: FORWARDS,
            requiresLeader: true,
          }),
        );
        for (const resolved of read) {
          const event = resolved.event;
          if (event) positions.set(event.id.toLowerCase(), globalPositionOf(event.position, event.id));
        }
      }),
    );
    for (const write of writes) {
      for (const event of write.events) {
        if (!positions.has(event.eventId))
          throw new Error(`Event ${event.eventId} of ${write.streamId} is not where KurrentDB said it wrote it`);
      }
    }
    return positions;
  }

  /** A stream's last event: its version (0 when there is none) and, when this store wrote it, its hash. */
  private async readHead(streamName: string): Promise<{ version: number; hash: string | null }> {
    try {
      const [last] = await collect(
        this.client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }),
      );
      const event = last?.event;
      if (!event) return EMPTY_STREAM_HEAD;
      return { version: versionOfRevision(event.revision), hash: decodeRecordMetadata(event.metadata)?.hash ?? null };
    } catch (error) {
      if (isMissingStream(error)) return EMPTY_STREAM_HEAD;
      throw error;
    }
  }

  private async readClaim(streamName: string): Promise<ExistingClaim | null> {
    try {
      const [last] = await collect(
        this.client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }),
      );
      const event = last?.event;
      return event ? { revision: event.revision, claim: decodeIdempotencyClaim(event.data) } : null;
    } catch (error) {
      if (isMissingStream(error)) return null;
      throw error;
    }
  }

  /** Where the claiming append ended: the highest position of its events, or the head it saw when it wrote none. */
  private async positionOfClaim(claim: IdempotencyClaimData): Promise<number> {
    const positions = await Promise.all(
      claim.writes.map(async (write) => {
        try {
          const [resolved] = await collect(
            this.client.readStream(this.names.toKurrent(write.streamId), { fromRevision: revisionOfVersion(write.version), maxCount: 1 }),
          );
          return resolved?.event ? globalPositionOf(resolved.event.position, resolved.event.id) : null;
        } catch (error) {
          if (isMissingStream(error)) return null;
          throw error;
        }
      }),
    );
    const found = positions.filter((position): position is number => position !== null);
    return found.length > 0 ? Math.max(...found) : (claim.headAtClaim ?? 0);
  }

  /** The version of the first event the stream still shows, or null when it shows none. */
  private async firstVisibleVersion(streamId: string): Promise<number | null> {
    try {
      const [first] = await collect(this.client.readStream(this.names.toKurrent(streamId), { maxCount: 1, direction: FORWARDS }));
      return first?.event ? versionOfRevision(first.event.revision) : null;
    } catch (error) {
      if (isMissingStream(error)) return null;
      throw error;
    }
  }

  /**
   * The records of our streams in `$all` after `after`, page by page (each page read whole, so stopping early
   * leaves no read open). System events, claims and other namespaces are dropped; events without our
   * metadata are kept (verify needs them; readers skip them).
   */
  private async *walkAll(after: number): AsyncGenerator<StoredRecord> {
    let last = after;
    for (;;) {
      const page = await collect(
        this.client.readAll({
          fromPosition: readPositionAfter(last),
          direction: FORWARDS,
          maxCount: this.pageSize,
          filter: this.names.allFilter(),
          resolveLinkTos: false,
        }),
      );
      let progressed = false;
      for (const resolved of page) {
        const position = positionOfResolved(resolved);
        // The read starts at `last` inclusive: that event comes back first and is skipped.
        if (position === null || position <= last) continue;
        last = position;
        progressed = true;
        const record = storedRecordOf(resolved, this.names);
        if (record) yield record;
      }
      // A short page is the end of `$all` for now (were it not, the next read would simply continue from here).
      if (!progressed || page.length < this.pageSize) return;
    }
  }
}

/**
 * Opens the event store on the KurrentDB at `url` (`kurrentdb://host:2113?tls=false`, `kurrentdb+discover://…`
 * or `esdb://…`) and checks that it can read `$all`, so a wrong address or missing permission fails at start-up.
 */
export async function openKurrentDbEventStore(url: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
  const client = KurrentDBClient.connectionString(kurrentDbConnectionString(url));
  const store = new KurrentDbEventStore(client, options);
  try {
    await store.headPosition();
  } catch (error) {
    await store.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read $all from KurrentDB at ${redactConnectionString(url)}: ${reason}`, { cause: error });
  }
  return store;
}

function positionOfResolved(resolved: AllStreamResolvedEvent): number | null {
  const event = resolved.event;
  return event ? globalPositionOf(event.position, event.id) : null;
}

function revisionsOf(responses: readonly { streamName: string; revision: bigint }[]): Map<string, bigint> {
  return new Map(responses.map((response) => [response.streamName, response.revision]));
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function forEachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** What happens to a failed subscription handler by default: an unhandled rejection, as with the SQLite store's loop. */
function rethrowUnhandled(error: unknown): void {
  void Promise.reject(error instanceof Error ? error : new Error(String(error)));
}
