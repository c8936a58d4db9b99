import { Readable } from 'node:stream';
import {
  ANY,
  AppendConsistencyViolationError,
  BACKWARDS,
  END,
  EVENT_TYPE,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  jsonEvent,
  type AllStreamJSONRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendRecordInput,
  type AppendRecordsResult,
  type AppendResult,
  type AppendStreamRequest,
  type AppendStreamState,
  type ConsistencyCheck,
  type CurrentStreamState,
  type EventData,
  type Filter,
  type JSONType,
  type MultiAppendResult,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { CrmEvent, EventMetadata } from '../../events';
import { WrongExpectedVersionError } from '../../src/event-store/errors';
import type { AppendRequest, RecordedEvent, StreamAppend } from '../../src/event-store/event-store';
import type { AllSubscriptionSource, KurrentDbClientPort } from '../../src/event-store/kurrentdb/kurrentdb-client-port';
import { MultiStreamAppendUnsupportedError } from '../../src/event-store/kurrentdb/kurrentdb-errors';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from '../../src/event-store/kurrentdb/kurrentdb-event-store';
import { eventStoreContract, type ContractSubject } from '../support/event-store-contract';

/*
 * The adapter against an in-memory stand-in for the KurrentDB client. The stand-in models what the adapter
 * relies on, as read from the client's code and the server's documentation: revisions from 0, `$all` positions
 * that are byte offsets (unique per event, with gaps), forward `$all` reads inclusive of their start, stream
 * reads that fail with StreamNotFound for an absent or soft-deleted stream, soft deletes that hide a stream's
 * prefix while `$all` keeps it, the three append APIs with the server versions that have them (and the
 * client's UnsupportedError below those), their refusals (WrongExpectedVersionError,
 * AppendConsistencyViolationError), the string-only metadata of multi-stream appends and the `$schema.*`
 * properties the server adds to it. It is no substitute for the real server: the same tests run against one
 * in kurrentdb-event-store.int.test.ts when KURRENTDB_URL is set.
 */

type ServerVersion = '24.10' | '25.1' | '26.1';

interface StoredEvent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string | null;
  readonly position: bigint;
}

interface StoredStream {
  readonly events: StoredEvent[];
  /** Revisions below this are hidden from stream reads (soft delete, $tb), not from $all. */
  truncateBefore: bigint;
  deleted: boolean;
}

class FakeKurrentDb implements KurrentDbClientPort {
  readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredStream>();
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private readonly live = new Set<FakeSubscription>();
  private nextPosition = 4_096n;
  private beforeAppend: (() => Promise<void>) | null = null;
  disposed = false;

  constructor(readonly version: ServerVersion = '26.1') {
    // What a fresh server holds before any user write.
    this.write('$stats-127.0.0.1:2113', [jsonEvent({ type: '$statsCollected', data: { cpu: 1 } })], 'v1');
    this.write('$$$stats-127.0.0.1:2113', [jsonEvent({ type: '$metadata', data: { $maxAge: 86_400 } })], 'v1');
  }

  /** Runs `work` once, just before the next append is applied: another writer getting in first. */
  interleaveBeforeNextAppend(work: () => Promise<void>): void {
    this.beforeAppend = work;
  }

  /** Drops every live subscription's connection, as a network failure would. */
  dropSubscriptions(): void {
    for (const subscription of this.live) subscription.fail(new Error('14 UNAVAILABLE: connection dropped'));
  }

  /** A soft delete: the stream reads as not found, `$all` keeps its events, a new append continues its revisions. */
  softDelete(streamName: string): void {
    const stream = this.streams.get(streamName);
    if (!stream) throw new Error(`No stream ${streamName}`);
    stream.truncateBefore = BigInt(stream.events.length);
    stream.deleted = true;
    this.write(`$$${streamName}`, [jsonEvent({ type: '$metadata', data: { $tb: stream.events.length } })], 'v1');
  }

  /** `$tb`: hides the revisions below `revision` from stream reads. */
  truncateBefore(streamName: string, revision: bigint): void {
    const stream = this.streams.get(streamName);
    if (!stream) throw new Error(`No stream ${streamName}`);
    stream.truncateBefore = revision;
    this.write(`$$${streamName}`, [jsonEvent({ type: '$metadata', data: { $tb: Number(revision) } })], 'v1');
  }

  eventAt(position: number): StoredEvent {
    const event = this.log.find((candidate) => candidate.position === BigInt(position));
    if (!event) throw new Error(`No event at ${position}`);
    return event;
  }

  async appendToStream(streamName: string, events: EventData[], options: { streamState: AppendStreamState }): Promise<AppendResult> {
    await this.interleave();
    const current = this.state(streamName);
    if (!matches(options.streamState, current)) {
      throw new KurrentWrongExpectedVersionError(undefined, { streamName, expected: options.streamState, current });
    }
    const written = this.write(streamName, events, 'v1');
    const last = written[written.length - 1]!;
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    if (this.version === '24.10') throw new UnsupportedError('multiStreamAppend', '25.1');
    for (const request of requests) {
      if (request.events.length === 0) throw new Error('Stream append request must contain at least one record');
      request.events.forEach(requireStringMetadata);
    }
    await this.interleave();
    for (const request of requests) {
      const current = this.state(request.streamName);
      if (!matches(request.expectedState, current)) {
        throw new KurrentWrongExpectedVersionError(undefined, { streamName: request.streamName, expected: request.expectedState, current });
      }
    }
    const responses = requests.map((request) => {
      const written = this.write(request.streamName, request.events, 'v2');
      return { streamName: request.streamName, revision: written[written.length - 1]!.revision };
    });
    return { position: this.log[this.log.length - 1]!.position, responses };
  }

  async appendRecords(records: AppendRecordInput[], checks: ConsistencyCheck[] = []): Promise<AppendRecordsResult> {
    if (this.version !== '26.1') throw new UnsupportedError('appendRecords', '26.1');
    if (records.length === 0) throw new Error('Append records request must contain at least one record.');
    records.forEach((record) => requireStringMetadata(record.record));
    await this.interleave();
    const violations = checks.flatMap((check, checkIndex) => {
      const current = this.state(check.streamName);
      if (matches(check.expectedState, current)) return [];
      return [
        {
          checkIndex,
          streamState: { stream: check.streamName, expectedState: wireState(check.expectedState), actualState: wireState(current) },
        },
      ];
    });
    if (violations.length > 0) {
      const grpcError = { message: '9 FAILED_PRECONDITION: append consistency violation', code: 9 };
      throw new AppendConsistencyViolationError(grpcError as unknown as ConstructorParameters<typeof AppendConsistencyViolationError>[0], {
        violationsList: violations,
      });
    }
    const last = new Map<string, bigint>();
    for (const record of records) last.set(record.streamName, this.write(record.streamName, [record.record], 'v2')[0]!.revision);
    return {
      position: this.log[this.log.length - 1]!.position,
      responses: [...last].map(([streamName, revision]) => ({ streamName, revision })),
    };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncGenerator<{ event: AllStreamJSONRecordedEvent }> {
    await Promise.resolve();
    const stream = this.streams.get(streamName);
    const visible = stream && !stream.deleted ? stream.events.filter((event) => event.revision >= stream.truncateBefore) : [];
    if (visible.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const { fromRevision = START, maxCount = Number.MAX_SAFE_INTEGER, direction = FORWARDS } = options;
    const ordered =
      direction === BACKWARDS
        ? [...visible].reverse().filter((event) => fromRevision === END || fromRevision === START || event.revision <= fromRevision)
        : visible.filter((event) => fromRevision === START || (fromRevision !== END && event.revision >= fromRevision));
    for (const event of ordered.slice(0, Number(maxCount))) yield { event: recorded(event) };
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    const { fromPosition = START, maxCount = Number.MAX_SAFE_INTEGER, direction = FORWARDS, filter } = options;
    const selected =
      direction === BACKWARDS
        ? [...this.log]
            .reverse()
            .filter((event) => fromPosition === END || (fromPosition !== START && event.position < fromPosition.commit))
        : this.log.filter((event) => fromPosition === START || (fromPosition !== END && event.position >= fromPosition.commit));
    const matching = selected.filter((event) => passes(filter, event)).slice(0, Number(maxCount));
    for (const event of matching) yield { event: recorded(event), commitPosition: event.position };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscriptionSource {
    const { fromPosition = START, filter } = options;
    const after = fromPosition === START ? -1n : fromPosition === END ? this.nextPosition : fromPosition.commit;
    const subscription = new FakeSubscription(() => {
      this.listeners.delete(listener);
      this.live.delete(subscription);
    });
    const listener = (event: StoredEvent) => {
      if (passes(filter, event)) subscription.push({ event: recorded(event), commitPosition: event.position });
    };
    setImmediate(() => {
      if (subscription.destroyed) return;
      for (const event of this.log) if (event.position > after) listener(event);
      this.listeners.add(listener);
      this.live.add(subscription);
    });
    return subscription;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  private async interleave(): Promise<void> {
    const work = this.beforeAppend;
    this.beforeAppend = null;
    if (work) await work();
  }

  private state(streamName: string): CurrentStreamState {
    const stream = this.streams.get(streamName);
    if (!stream || stream.deleted || stream.events.length === 0) return NO_STREAM;
    return BigInt(stream.events.length - 1);
  }

  private write(streamName: string, events: readonly EventData[], protocol: 'v1' | 'v2'): StoredEvent[] {
    let stream = this.streams.get(streamName);
    if (!stream) {
      stream = { events: [], truncateBefore: 0n, deleted: false };
      this.streams.set(streamName, stream);
    }
    stream.deleted = false;
    return events.map((data) => {
      const dataText = data.contentType === 'application/json' ? JSON.stringify(data.data) : Buffer.from(data.data).toString('utf8');
      const metadata =
        protocol === 'v2'
          ? { ...(data.metadata as Record<string, string> | undefined), '$schema.format': 'Json', '$schema.name': data.type }
          : data.metadata;
      const event: StoredEvent = {
        streamName,
        revision: BigInt(stream.events.length),
        id: data.id,
        type: data.type,
        dataText,
        metadataText: metadata === undefined ? null : JSON.stringify(metadata),
        position: this.nextPosition,
      };
      // Positions are byte offsets in the log: unique, increasing, with gaps.
      this.nextPosition += 97n + BigInt(dataText.length);
      stream.events.push(event);
      this.log.push(event);
      for (const listener of this.listeners) listener(event);
      return event;
    });
  }
}

class FakeSubscription extends Readable {
  constructor(private readonly onClose: () => void) {
    super({ objectMode: true });
  }

  override _read(): void {
    // Events are pushed as they are written.
  }

  fail(error: Error): void {
    this.onClose();
    this.destroy(error);
  }

  unsubscribe(): Promise<void> {
    this.onClose();
    this.push(null);
    return Promise.resolve();
  }
}

function recorded(event: StoredEvent): AllStreamJSONRecordedEvent {
  return {
    streamId: event.streamName,
    id: event.id,
    isJson: true,
    revision: event.revision,
    type: event.type,
    created: new Date(0),
    data: JSON.parse(event.dataText) as JSONType,
    metadata: event.metadataText === null ? undefined : (JSON.parse(event.metadataText) as JSONType),
    position: { commit: event.position, prepare: event.position },
  };
}

function matches(expected: AppendStreamState, current: CurrentStreamState): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === NO_STREAM;
  if (expected === STREAM_EXISTS) return current !== NO_STREAM;
  return current === expected;
}

function wireState(state: AppendStreamState): string {
  switch (state) {
    case ANY:
      return '-2';
    case NO_STREAM:
      return '-1';
    case STREAM_EXISTS:
      return '-4';
    default:
      return state.toString();
  }
}

function passes(filter: Filter | undefined, event: StoredEvent): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === EVENT_TYPE ? event.type : event.streamName;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex, 'u').test(subject);
}

function requireStringMetadata(event: EventData): void {
  const { metadata } = event;
  if (metadata == null) return;
  if (
    metadata instanceof Uint8Array ||
    Array.isArray(metadata) ||
    typeof metadata !== 'object' ||
    Object.values(metadata).some((value) => typeof value !== 'string')
  ) {
    throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
  }
}

/**
 * The contract's tampering, the only way KurrentDB allows: events are immutable, so an "edit" deletes the
 * stream and writes the edited event again (KurrentDB keeps the original in `$all` and hides it from the
 * stream; verify reports it there), and a "delete" truncates the stream up to and including the event.
 */
function tamperingOn(server: FakeKurrentDb): Pick<ContractSubject, 'editStoredData' | 'deleteStored'> {
  return {
    editStoredData: async (position, dataText) => {
      const original = server.eventAt(position);
      server.softDelete(original.streamName);
      const metadata = JSON.parse(original.metadataText ?? '{}') as Record<string, string>;
      await server.appendToStream(
        original.streamName,
        [jsonEvent({ type: original.type, data: JSON.parse(dataText) as JSONType, metadata })],
        {
          streamState: ANY,
        },
      );
    },
    deleteStored: (position) => {
      const event = server.eventAt(position);
      server.truncateBefore(event.streamName, event.revision + 1n);
      return Promise.resolve();
    },
  };
}

function subjectOn(server: FakeKurrentDb, options: KurrentDbEventStoreOptions = {}): ContractSubject {
  const store = new KurrentDbEventStore(server, { subscriptionRetryDelayMs: 5, ...options });
  return { store, ...tamperingOn(server), chain: 'per-stream', close: () => store.close() };
}

eventStoreContract('KurrentDB 26.1 (in-memory stand-in for the client)', () => {
  const server = new FakeKurrentDb('26.1');
  // Another application's stream on the same server: not ours, never read back.
  void server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: { total: 1 } })], { streamState: NO_STREAM });
  return Promise.resolve(subjectOn(server));
});

eventStoreContract('KurrentDB 26.1 with a namespace, sharing the server (in-memory stand-in)', async () => {
  const server = new FakeKurrentDb('26.1');
  const neighbour = new KurrentDbEventStore(server, { namespace: 'other' });
  await neighbour.append({ streams: [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], metadata });
  await neighbour.append({
    streams: [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }],
    metadata,
    idempotency: { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'b' } },
  });
  return subjectOn(server, { namespace: 'crm' });
});

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };

function created(accountId: string): CrmEvent {
  return {
    type: 'AccountCreated',
    schemaVersion: 1,
    data: {
      accountId,
      ownerId: 'user-1',
      name: 'Contoso',
      accountNumber: null,
      phone: null,
      email: null,
      website: null,
      industry: null,
      annualRevenue: null,
      numberOfEmployees: null,
      description: null,
      address: null,
      parentAccountId: null,
      primaryContactId: null,
    },
  };
}

function renamed(accountId: string, name: string): CrmEvent {
  return { type: 'AccountUpdated', schemaVersion: 1, data: { accountId, name } };
}

function append(store: KurrentDbEventStore, streams: StreamAppend[], extra: Partial<AppendRequest> = {}) {
  return store.append({ streams, metadata, ...extra });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to be rejected');
}

describe('KurrentDB event store: what KurrentDB adds to the contract (in-memory stand-in)', () => {
  let server: FakeKurrentDb;
  let store: KurrentDbEventStore;
  const open = (version: ServerVersion, options: KurrentDbEventStoreOptions = {}) => {
    server = new FakeKurrentDb(version);
    store = new KurrentDbEventStore(server, { subscriptionRetryDelayMs: 5, ...options });
  };
  afterEach(async () => {
    await store.close();
  });

  describe('the hash chain, per stream', () => {
    beforeEach(() => open('26.1'));

    it('reports an event removed from its stream at its own position (KurrentDB removes stream prefixes, not single events)', async () => {
      for (let i = 0; i < 5; i += 1)
        await append(store, [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }]);
      const events = await store.readAll({ after: 0, limit: 5 });
      await tamperingOn(server).deleteStored(events[1]!.globalPosition);
      expect(await store.verify()).toEqual({ ok: false, eventsChecked: 5, firstBrokenPosition: events[1]!.globalPosition });
    });

    it('reports a forged event appended to one of its streams behind its back', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const [original] = await store.readAll({ after: 0, limit: 1 });
      const stolenMetadata = JSON.parse(server.eventAt(original!.globalPosition).metadataText!) as Record<string, string>;
      await server.appendToStream(
        'account-a',
        [jsonEvent({ type: 'AccountUpdated', data: { accountId: 'a', name: 'Forged' }, metadata: stolenMetadata })],
        {
          streamState: 0n,
        },
      );
      const forged = server.log[server.log.length - 1]!;
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: Number(forged.position) });
    });

    it('reports an event without the store metadata in one of its streams, which readers skip', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      await server.appendToStream('account-a', [jsonEvent({ type: 'AccountUpdated', data: { accountId: 'a', name: 'Sneaky' } })], {
        streamState: 0n,
      });
      const intruder = server.log[server.log.length - 1]!;
      expect(await store.readAll({ after: 0, limit: 10 })).toHaveLength(1);
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: Number(intruder.position) });
      await expect(store.readStream('account-a')).rejects.toThrow(/was not written by this event store/u);
    });

    it('refuses to chain from an event it did not write', async () => {
      await server.appendToStream('account-a', [jsonEvent({ type: 'AccountCreated', data: { accountId: 'a' } })], {
        streamState: NO_STREAM,
      });
      await expect(append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'B')] }])).rejects.toThrow(
        /refusing to chain/u,
      );
    });
  });

  describe('what it stores in KurrentDB', () => {
    beforeEach(() => open('26.1'));

    it('writes each event as JSON under its CRM type, in the stream of the same name, with everything else in string metadata', async () => {
      const result = await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], {
        recordedAt: new Date('2026-05-01T10:00:00.000Z'),
      });
      const stored = server.eventAt(result.position);
      expect(stored).toMatchObject({ streamName: 'account-a', revision: 0n, id: result.events[0]!.eventId, type: 'AccountCreated' });
      expect(JSON.parse(stored.dataText)).toEqual(created('a').data);
      expect(JSON.parse(stored.metadataText!)).toEqual({
        actorId: 'user-1',
        commandId: 'cmd-1',
        correlationId: 'corr-1',
        source: 'api',
        schemaVersion: '1',
        recordedAt: '2026-05-01T10:00:00.000Z',
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/u) as string,
      });
    });

    it('answers the $all commit position of the last event, and the version of every stream named', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const result = await append(store, [
        { streamId: 'account-a', expectedVersion: 1, events: [] },
        { streamId: 'account-b', expectedVersion: 'any', events: [] },
        { streamId: 'contact-c', expectedVersion: 'no-stream', events: [created('c'), renamed('c', 'C')] },
      ]);
      expect(result.position).toBe(Number(server.log[server.log.length - 1]!.position));
      expect(result.checkpoint).toEqual({ txId: '0', position: result.position });
      expect([...result.versions]).toEqual([
        ['account-a', 1],
        ['account-b', 0],
        ['contact-c', 2],
      ]);
    });

    it('keeps idempotency claims out of the CRM streams and out of $all reads', async () => {
      const idempotency = { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'a' } };
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], { idempotency });
      expect(server.log.some((event) => /^idempotency-[0-9a-f]{64}$/u.test(event.streamName))).toBe(true);
      expect((await store.readAll({ after: 0, limit: 10 })).map((event) => event.streamId)).toEqual(['account-a']);
    });

    it('honours an idempotency key only within the retention window, then lets it be claimed again', async () => {
      let now = new Date('2026-05-01T10:00:00.000Z');
      await store.close();
      open('26.1', { clock: { now: () => now }, idempotencyRetentionMs: 60_000 });
      const idempotency = { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'a' } };
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], { idempotency });
      now = new Date('2026-05-01T10:02:00.000Z');
      expect(await store.findIdempotentResult('user-1', 'k-1')).toBeNull();
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }], {
        idempotency: { ...idempotency, requestHash: 'h2' },
      });
      expect(await store.findIdempotentResult('user-1', 'k-1')).toMatchObject({ requestHash: 'h2' });
    });
  });

  describe('races', () => {
    beforeEach(() => open('26.1'));

    it('retries an append at "any" whose stream moved between reading its head and writing', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const other = new KurrentDbEventStore(server);
      server.interleaveBeforeNextAppend(async () => {
        await append(other, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'first')] }]);
      });
      const result = await append(store, [{ streamId: 'account-a', expectedVersion: 'any', events: [renamed('a', 'second')] }]);
      expect(result.versions.get('account-a')).toBe(3);
      expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 3 });
    });

    it('answers a replay when a concurrent command claimed the same key between its check and its write', async () => {
      const idempotency = { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'winner' } };
      const other = new KurrentDbEventStore(server);
      let winner: Promise<unknown> = Promise.resolve();
      server.interleaveBeforeNextAppend(async () => {
        winner = append(other, [{ streamId: 'account-w', expectedVersion: 'no-stream', events: [created('w')] }], { idempotency });
        await winner;
      });
      const error = await rejection(
        append(store, [{ streamId: 'account-l', expectedVersion: 'no-stream', events: [created('l')] }], { idempotency }),
      );
      expect(error).toMatchObject({ name: 'IdempotentReplay', result: { id: 'winner' } });
      expect(await store.readStream('account-l')).toEqual([]);
    });

    it('reports the expected and actual version when a stream moved under a pinned expectation', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      await store.readStream('account-a'); // remembers the head at version 1: the append below skips its read
      const other = new KurrentDbEventStore(server);
      server.interleaveBeforeNextAppend(async () => {
        await append(other, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'first')] }]);
      });
      const error = await rejection(append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'second')] }]));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'account-a', expected: 1, actual: 2 });
    });
  });

  describe('servers without appendRecords', () => {
    it('on 25.1, appends to several streams atomically with multiStreamAppend', async () => {
      open('25.1');
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]);
      const refused = await rejection(
        append(store, [
          { streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] },
          { streamId: 'account-b', expectedVersion: 'no-stream', events: [renamed('b', 'X')] },
        ]),
      );
      expect(refused).toMatchObject({ name: 'WrongExpectedVersionError', streamId: 'account-b', actual: 1 });
      expect(await store.readStream('account-a')).toEqual([]);
      const result = await append(store, [
        { streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] },
        { streamId: 'account-b', expectedVersion: 1, events: [renamed('b', 'X')] },
      ]);
      expect([...result.versions.values()]).toEqual([1, 2]);
      expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 3 });
    });

    it('on 25.1, refuses a stream named only as a condition, writing nothing', async () => {
      open('25.1');
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const before = server.log.length;
      const error = await rejection(
        append(store, [
          { streamId: 'account-a', expectedVersion: 1, events: [] },
          { streamId: 'contact-c', expectedVersion: 'no-stream', events: [created('c')] },
        ]),
      );
      expect(error).toBeInstanceOf(MultiStreamAppendUnsupportedError);
      expect(error).toMatchObject({ missing: 'consistency-checks', streamIds: ['account-a', 'contact-c'] });
      expect(server.log).toHaveLength(before);
    });

    it('before 25.1, refuses an append to several streams, writing nothing', async () => {
      open('24.10');
      const before = server.log.length;
      const error = await rejection(
        append(store, [
          { streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] },
          { streamId: 'contact-c', expectedVersion: 'no-stream', events: [created('c')] },
        ]),
      );
      expect(error).toBeInstanceOf(MultiStreamAppendUnsupportedError);
      expect(error).toMatchObject({ missing: 'multi-stream-append' });
      expect(server.log).toHaveLength(before);
    });

    it('before 25.1, still appends to one stream, checks pure conditions by reading, and claims keys after the events', async () => {
      open('24.10');
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      await append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'B')] }]);
      await expect(append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [] }])).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      const idempotency = { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'c' } };
      const first = await append(store, [{ streamId: 'contact-c', expectedVersion: 'no-stream', events: [created('c')] }], { idempotency });
      const replay = await rejection(
        append(store, [{ streamId: 'contact-d', expectedVersion: 'no-stream', events: [created('d')] }], { idempotency }),
      );
      expect(replay).toMatchObject({ name: 'IdempotentReplay', result: { id: 'c' }, position: first.position });
      expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 3 });
    });
  });

  describe('subscriptions', () => {
    beforeEach(() => open('26.1'));

    function collector(until: number) {
      const seen: RecordedEvent[] = [];
      let resolveDone: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const handler = (events: readonly RecordedEvent[]) => {
        seen.push(...events);
        if (seen.length >= until) resolveDone();
        return Promise.resolve();
      };
      return { seen, done, handler };
    }

    it('resubscribes after a dropped connection without skipping or repeating an event', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const { seen, done, handler } = collector(3);
      const subscription = store.subscribe(0, handler);
      await new Promise((resolve) => setTimeout(resolve, 20));
      server.dropSubscriptions();
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]);
      await append(store, [{ streamId: 'account-c', expectedVersion: 'no-stream', events: [created('c')] }]);
      await done;
      subscription.close();
      expect(seen.map((event) => event.streamId)).toEqual(['account-a', 'account-b', 'account-c']);
    });

    it('starts after the given position, and hands a batch to the handler only after the previous one returned', async () => {
      const first = await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      let running = 0;
      let overlapped = false;
      const { seen, done, handler } = collector(4);
      const subscription = store.subscribe(first.position, async (events) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        await handler(events);
      });
      for (const id of ['b', 'c', 'd', 'e'])
        await append(store, [{ streamId: `account-${id}`, expectedVersion: 'no-stream', events: [created(id)] }]);
      await done;
      subscription.close();
      expect(seen.map((event) => event.streamId)).toEqual(['account-b', 'account-c', 'account-d', 'account-e']);
      expect(overlapped).toBe(false);
    });

    it('stops and reports a handler error', async () => {
      await store.close();
      const errors: unknown[] = [];
      open('26.1', { onSubscriptionError: (error) => errors.push(error) });
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const subscription = store.subscribe(0, () => Promise.reject(new Error('projection failed')));
      await subscription.done;
      expect(errors).toEqual([new Error('projection failed')]);
    });
  });

  it('disposes the client on close, after appends in flight', async () => {
    open('26.1');
    const pending = append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ versions: new Map([['account-a', 1]]) });
    expect(server.disposed).toBe(true);
    await expect(append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }])).rejects.toThrow(
      /closed/u,
    );
  });
});

describe('KurrentDB stand-in: the behaviours the adapter relies on', () => {
  it('fails a stream read of a soft-deleted stream with StreamNotFound, and continues its revisions on the next append', async () => {
    const server = new FakeKurrentDb();
    await server.appendToStream('s', [jsonEvent({ type: 'T', data: {} })], { streamState: NO_STREAM });
    server.softDelete('s');
    await expect(collectAll(server.readStream('s'))).rejects.toBeInstanceOf(StreamNotFoundError);
    const result = await server.appendToStream('s', [jsonEvent({ type: 'T', data: {} })], { streamState: ANY });
    expect(result.nextExpectedRevision).toBe(1n);
    expect(server.log.filter((event) => event.streamName === 's')).toHaveLength(2);
  });

  it('refuses multi-stream append requests without events, as KurrentDB 25.1 validates them', async () => {
    await expect(new FakeKurrentDb('25.1').multiStreamAppend([{ streamName: 's', events: [], expectedState: ANY }])).rejects.toThrow(
      /at least one record/u,
    );
  });

  it('is a KurrentDB client as far as the adapter is concerned', () => {
    expect(StreamDeletedError.fromStreamName('s')).toBeInstanceOf(Error);
  });
});

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
