import type { CrmEvent, EventMetadata } from '../../events';
import { IdempotencyKeyReusedError, IdempotentReplay, WrongExpectedVersionError } from '../../src/event-store/errors';
import type { AppendRequest, EventStore, RecordedEvent, StreamAppend } from '../../src/event-store/event-store';

/** What an adapter's test gives the contract suite: a fresh store, and ways to tamper with stored rows. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Overwrites the stored payload of the event at `position` behind the store's back. */
  editStoredData(position: number, dataText: string): Promise<void>;
  /** Deletes the event at `position` behind the store's back (as far as the store's medium allows). */
  deleteStored(position: number): Promise<void>;
  /**
   * How the adapter chains hashes: one chain over all events (a removed event breaks the link of the event
   * after it) or one chain per stream, where a store that keeps removed events in its global log (KurrentDB)
   * reports the removed event itself. Default: global.
   */
  readonly chain?: 'global' | 'per-stream';
  close(): Promise<void>;
}

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };

function created(accountId: string, name = 'Contoso'): CrmEvent {
  return {
    type: 'AccountCreated',
    schemaVersion: 1,
    data: {
      accountId,
      ownerId: 'user-1',
      name,
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

function append(store: EventStore, streams: StreamAppend[], extra: Partial<AppendRequest> = {}) {
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

/** The behaviour every EventStore adapter must have. Run it from each adapter's test with a factory. */
export function eventStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`${name} event store: the EventStore contract`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      // When `open` failed, its error is the one to see.
      await subject?.close();
    });

    it('appends to a new stream and reads the events back in order, with versions from 1', async () => {
      const result = await append(store, [
        { streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a'), renamed('a', 'B')] },
      ]);
      expect(result.events.map((event) => event.streamVersion)).toEqual([1, 2]);
      expect(result.versions.get('account-a')).toBe(2);
      const read = await store.readStream('account-a');
      expect(read.map((event) => [event.type, event.streamVersion])).toEqual([
        ['AccountCreated', 1],
        ['AccountUpdated', 2],
      ]);
      expect(read[1]!.data).toEqual({ accountId: 'a', name: 'B' });
    });

    it('gives every event a UUID v7 id, the metadata, the time and a global position in append order', async () => {
      const at = new Date('2026-05-01T10:00:00.000Z');
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], { recordedAt: at });
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]);
      const all = await store.readAll({ after: 0, limit: 10 });
      expect(all.map((event) => event.streamId)).toEqual(['account-a', 'account-b']);
      expect(all[0]!.globalPosition).toBeLessThan(all[1]!.globalPosition);
      expect(all[0]!.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
      expect(all[0]!.metadata).toEqual(metadata);
      expect(all[0]!.recordedAt).toBe('2026-05-01T10:00:00.000Z');
      expect(await store.headPosition()).toBe(all[1]!.globalPosition);
    });

    it('refuses an append at the wrong expected version and writes nothing', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const error = await rejection(append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'account-a', actual: 1 });
      expect(await rejection(append(store, [{ streamId: 'account-a', expectedVersion: 5, events: [renamed('a', 'X')] }]))).toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect(await store.readStream('account-a')).toHaveLength(1);
    });

    it('appends to several streams atomically: one mismatch writes nothing to any of them', async () => {
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]);
      const head = await store.headPosition();
      const error = await rejection(
        append(store, [
          { streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] },
          { streamId: 'account-b', expectedVersion: 'no-stream', events: [renamed('b', 'X')] },
        ]),
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream('account-a')).toEqual([]);
      expect(await store.headPosition()).toBe(head);
    });

    it('treats a stream with no events as a condition: the append goes ahead only while it stays at its version', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      await append(store, [
        { streamId: 'account-a', expectedVersion: 1, events: [] },
        { streamId: 'contact-c', expectedVersion: 'no-stream', events: [created('c')] },
      ]);
      await append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'moved on')] }]);
      const error = await rejection(
        append(store, [
          { streamId: 'account-a', expectedVersion: 1, events: [] },
          { streamId: 'contact-d', expectedVersion: 'no-stream', events: [created('d')] },
        ]),
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream('contact-c')).toHaveLength(1);
      expect(await store.readStream('contact-d')).toEqual([]);
      expect(await store.readStream('account-a')).toHaveLength(2);
    });

    it('accepts any version with "any"', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'any', events: [created('a')] }]);
      await append(store, [{ streamId: 'account-a', expectedVersion: 'any', events: [renamed('a', 'B')] }]);
      expect(await store.readStream('account-a')).toHaveLength(2);
    });

    it('reads a stream from and to a version, and until an instant', async () => {
      const times = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], {
        recordedAt: new Date(times[0]!),
      });
      await append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', 'B')] }], {
        recordedAt: new Date(times[1]!),
      });
      await append(store, [{ streamId: 'account-a', expectedVersion: 2, events: [renamed('a', 'C')] }], {
        recordedAt: new Date(times[2]!),
      });
      expect((await store.readStream('account-a', { fromVersion: 2 })).map((e) => e.streamVersion)).toEqual([2, 3]);
      expect((await store.readStream('account-a', { toVersion: 2 })).map((e) => e.streamVersion)).toEqual([1, 2]);
      expect((await store.readStream('account-a', { until: new Date('2026-02-15T00:00:00.000Z') })).map((e) => e.streamVersion)).toEqual([
        1, 2,
      ]);
      expect(await store.readStream('account-a', { until: new Date('2025-12-31T00:00:00.000Z') })).toEqual([]);
      expect(await store.readStream('account-missing')).toEqual([]);
    });

    it('reads all events in global order, page by page', async () => {
      for (let i = 0; i < 7; i += 1)
        await append(store, [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }]);
      const pages: RecordedEvent[][] = [];
      let after = 0;
      for (;;) {
        const page = await store.readAll({ after, limit: 3 });
        if (page.length === 0) break;
        pages.push(page);
        after = page[page.length - 1]!.globalPosition;
      }
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat().map((event) => event.streamId)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `account-${i}`));
    });

    it('returns the first result for a repeated idempotency key and appends nothing', async () => {
      const idempotency = { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'a' } };
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], { idempotency });
      const head = await store.headPosition();
      const replay = await rejection(
        append(store, [{ streamId: 'account-z', expectedVersion: 'no-stream', events: [created('z')] }], { idempotency }),
      );
      expect(replay).toBeInstanceOf(IdempotentReplay);
      expect(replay).toMatchObject({ result: { id: 'a' }, position: head });
      expect(await store.findIdempotentResult('user-1', 'k-1')).toEqual({ requestHash: 'h1', result: { id: 'a' }, position: head });
      expect(await store.findIdempotentResult('user-2', 'k-1')).toBeNull();
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses an idempotency key reused by the same actor for a different request', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], {
        idempotency: { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: null },
      });
      const error = await rejection(
        append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }], {
          idempotency: { actorId: 'user-1', key: 'k-1', requestHash: 'h2', result: null },
        }),
      );
      expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('lets exactly one of many concurrent appends at the same expected version win', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          append(store, [{ streamId: 'account-a', expectedVersion: 1, events: [renamed('a', `name ${i}`)] }]),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(failures.every((failure) => failure.reason instanceof WrongExpectedVersionError)).toBe(true);
      expect(await store.readStream('account-a')).toHaveLength(2);
    });

    it('keeps each of many concurrent appends to different streams, with distinct positions', async () => {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          append(store, [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }]),
        ),
      );
      const positions = results.map((result) => result.position);
      expect(new Set(positions).size).toBe(40);
      expect((await store.readAll({ after: 0, limit: 100 })).map((event) => event.globalPosition)).toEqual(
        [...positions].sort((a, b) => a - b),
      );
    });

    it('verifies the hash chain, and finds an edited event at its position', async () => {
      for (let i = 0; i < 5; i += 1)
        await append(store, [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }]);
      expect(await store.verify()).toEqual({ ok: true, eventsChecked: 5, firstBrokenPosition: null });
      const third = (await store.readAll({ after: 0, limit: 5 }))[2]!;
      await subject.editStoredData(third.globalPosition, JSON.stringify({ ...created('2', 'Forged').data }));
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: third.globalPosition });
    });

    it('finds a deleted event: the chain breaks at the event after it (chained per stream: at the event itself)', async () => {
      for (let i = 0; i < 5; i += 1)
        await append(store, [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }]);
      const events = await store.readAll({ after: 0, limit: 5 });
      await subject.deleteStored(events[1]!.globalPosition);
      const reportedAt = subject.chain === 'per-stream' ? events[1]! : events[2]!;
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: reportedAt.globalPosition });
    });

    it('keeps the chain intact across refused appends', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      await Promise.allSettled([
        append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]),
        append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]),
        append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]),
      ]);
      await append(store, [{ streamId: 'account-c', expectedVersion: 'no-stream', events: [created('c')] }]);
      expect(await store.verify()).toEqual({ ok: true, eventsChecked: 3, firstBrokenPosition: null });
    });

    it('delivers existing and then new events to a subscriber, in order', async () => {
      await append(store, [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }]);
      const seen: string[] = [];
      let resolveDone: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const subscription = store.subscribe(0, (events) => {
        seen.push(...events.map((event) => event.streamId));
        if (seen.length >= 3) resolveDone();
        return Promise.resolve();
      });
      await append(store, [{ streamId: 'account-b', expectedVersion: 'no-stream', events: [created('b')] }]);
      await append(store, [{ streamId: 'account-c', expectedVersion: 'no-stream', events: [created('c')] }]);
      await done;
      subscription.close();
      expect(seen).toEqual(['account-a', 'account-b', 'account-c']);
    });
  });
}
