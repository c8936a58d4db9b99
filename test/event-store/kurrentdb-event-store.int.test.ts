import { randomBytes } from 'node:crypto';
import { ANY, KurrentDBClient, jsonEvent, type JSONType } from '@kurrent/kurrentdb-client';
import type { CrmEvent, EventMetadata } from '../../events';
import { kurrentDbConnectionString } from '../../src/event-store/kurrentdb/kurrentdb-connection-string';
import { openKurrentDbEventStore, type KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store';
import { globalPositionOf } from '../../src/event-store/kurrentdb/kurrentdb-position';
import { eventStoreContract, type ContractSubject } from '../support/event-store-contract';

/*
 * The EventStore contract against a real KurrentDB, e.g.
 *   docker run -d -p 2113:2113 docker.kurrent.io/kurrent-latest/kurrentdb:latest --insecure --run-projections=None
 *   KURRENTDB_URL='kurrentdb://localhost:2113?tls=false' npx jest test/event-store/kurrentdb
 * The full contract needs KurrentDB 26.1+ (appendRecords: a stream named only as a condition); on 25.x the
 * condition test fails with MultiStreamAppendUnsupportedError, and before 25.1 every multi-stream test does.
 * Each store gets its own namespace, so the runs share the server without seeing each other's events.
 */
const url = process.env.KURRENTDB_URL;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The raw event at a global position, read with the client directly (the read of `$all` is inclusive of its start). */
async function eventAt(raw: KurrentDBClient, position: number) {
  const start = BigInt(position);
  const [found] = await collect(raw.readAll({ fromPosition: { commit: start, prepare: start }, maxCount: 1 }));
  const event = found?.event;
  if (!event || globalPositionOf(event.position, event.id) !== position) throw new Error(`No event at position ${position}`);
  return event;
}

/**
 * The contract's tampering, the only way KurrentDB allows, through the client and behind the store's back.
 * Events are immutable, so an "edit" deletes the stream and writes the edited event again: KurrentDB keeps
 * the original in `$all` but hides it from the stream, and verify reports it there. A "delete" truncates the
 * stream up to and including the event (`$tb`): KurrentDB cannot remove one event on its own.
 */
function tamperingWith(raw: KurrentDBClient): Pick<ContractSubject, 'editStoredData' | 'deleteStored'> {
  return {
    editStoredData: async (position, dataText) => {
      const original = await eventAt(raw, position);
      const metadata = Object.fromEntries(
        Object.entries((original.metadata ?? {}) as Record<string, unknown>).filter(([key]) => !key.startsWith('$')),
      ) as Record<string, string>;
      await raw.deleteStream(original.streamId);
      await raw.appendToStream(original.streamId, jsonEvent({ type: original.type, data: JSON.parse(dataText) as JSONType, metadata }), {
        streamState: ANY,
      });
    },
    deleteStored: async (position) => {
      const event = await eventAt(raw, position);
      await raw.setStreamMetadata(event.streamId, { truncateBefore: Number(event.revision) + 1 });
    },
  };
}

async function openOnServer(serverUrl: string): Promise<ContractSubject & { store: KurrentDbEventStore; raw: KurrentDBClient }> {
  const namespace = `crm-test-${randomBytes(6).toString('hex')}`;
  const store = await openKurrentDbEventStore(serverUrl, { namespace });
  const raw = KurrentDBClient.connectionString(kurrentDbConnectionString(serverUrl));
  return {
    store,
    raw,
    ...tamperingWith(raw),
    chain: 'per-stream',
    async close() {
      await store.close();
      await raw.dispose();
    },
  };
}

if (url) {
  eventStoreContract('KurrentDB', () => openOnServer(url));

  describe('KurrentDB event store: what KurrentDB adds to the contract', () => {
    const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };
    const created = (accountId: string): CrmEvent => ({
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
    });
    let subject: Awaited<ReturnType<typeof openOnServer>>;
    beforeEach(async () => {
      subject = await openOnServer(url);
    });
    afterEach(async () => {
      await subject.close();
    });

    it('reports an event removed from its stream at its own position (KurrentDB removes stream prefixes, not single events)', async () => {
      const { store } = subject;
      for (let i = 0; i < 5; i += 1)
        await store.append({
          streams: [{ streamId: `account-${i}`, expectedVersion: 'no-stream', events: [created(String(i))] }],
          metadata,
        });
      const events = await store.readAll({ after: 0, limit: 5 });
      await subject.deleteStored(events[1]!.globalPosition);
      expect(await store.verify()).toEqual({ ok: false, eventsChecked: 5, firstBrokenPosition: events[1]!.globalPosition });
    });

    it('reports an event without the store metadata appended to one of its streams, which readers skip', async () => {
      const { store, raw } = subject;
      await store.append({ streams: [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }], metadata });
      const [first] = await store.readAll({ after: 0, limit: 1 });
      const original = await eventAt(raw, first!.globalPosition);
      await raw.appendToStream(original.streamId, jsonEvent({ type: 'AccountUpdated', data: { accountId: 'a', name: 'Sneaky' } }), {
        streamState: 0n,
      });
      const [intruder] = await collect(raw.readStream(original.streamId, { fromRevision: 1n, maxCount: 1 }));
      expect(await store.readAll({ after: 0, limit: 10 })).toHaveLength(1);
      expect(await store.verify()).toMatchObject({
        ok: false,
        firstBrokenPosition: globalPositionOf(intruder!.event!.position, intruder!.event!.id),
      });
    });

    it('writes each event as JSON under its CRM type, with our metadata as string properties', async () => {
      const { store, raw } = subject;
      const result = await store.append({
        streams: [{ streamId: 'account-a', expectedVersion: 'no-stream', events: [created('a')] }],
        metadata,
        recordedAt: new Date('2026-05-01T10:00:00.000Z'),
      });
      const stored = await eventAt(raw, result.position);
      expect(stored).toMatchObject({ id: result.events[0]!.eventId, type: 'AccountCreated', isJson: true, revision: 0n });
      expect(stored.streamId).toMatch(/:account-a$/u);
      expect(stored.data).toEqual(created('a').data);
      expect(stored.metadata).toMatchObject({
        actorId: 'user-1',
        source: 'api',
        schemaVersion: '1',
        recordedAt: '2026-05-01T10:00:00.000Z',
      });
    });
  });
} else {
  console.warn(
    'KURRENTDB_URL is not set: the KurrentDB contract suite is SKIPPED (e.g. KURRENTDB_URL=kurrentdb://localhost:2113?tls=false)',
  );
  describe.skip('KurrentDB contract suite skipped: set KURRENTDB_URL to run it', () => {
    it('runs the EventStore contract and the KurrentDB-specific tests against a KurrentDB server', () => undefined);
  });
}
