import type { AllStreamResolvedEvent, JSONType } from '@kurrent/kurrentdb-client';
import type { CrmEvent, EventMetadata } from '../../events';
import { GENESIS_HASH, chainHash } from '../../src/event-store/hash-chain';
import {
  HASHED_GLOBAL_POSITION,
  chainedFieldsOf,
  eventDataOf,
  recordedEventOf,
  storedRecordOf,
} from '../../src/event-store/kurrentdb/kurrentdb-record';
import { encodeRecordMetadata, type RecordMetadata } from '../../src/event-store/kurrentdb/kurrentdb-record-metadata';
import { KurrentDbStreamNames } from '../../src/event-store/kurrentdb/kurrentdb-stream-names';

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };
const renamed: CrmEvent = { type: 'AccountUpdated', schemaVersion: 1, data: { accountId: 'a', name: 'Łódź Sp. z o.o.' } };
const meta: RecordMetadata = {
  metadata,
  schemaVersion: 1,
  recordedAt: '2026-05-01T10:00:00.000Z',
  prevHash: GENESIS_HASH,
  hash: 'b'.repeat(64),
};
const names = new KurrentDbStreamNames();
const EVENT_ID = '01960000-0000-7000-8000-000000000001';

function resolved(
  overrides: Partial<{ streamId: string; type: string; data: unknown; metadata: unknown; revision: bigint; isJson: boolean }> = {},
) {
  return {
    event: {
      streamId: overrides.streamId ?? 'account-a',
      id: EVENT_ID,
      isJson: overrides.isJson ?? true,
      revision: overrides.revision ?? 1n,
      type: overrides.type ?? 'AccountUpdated',
      created: new Date(),
      data: (overrides.data ?? { accountId: 'a', name: 'Łódź Sp. z o.o.' }) as JSONType,
      metadata: (overrides.metadata ?? { ...encodeRecordMetadata(meta), '$schema.name': 'AccountUpdated' }) as JSONType,
      position: { commit: 9_000n, prepare: 9_000n },
    },
    commitPosition: 9_000n,
  } as AllStreamResolvedEvent;
}

describe('KurrentDB records: our events as KurrentDB events and back', () => {
  it('writes JSON content with the CRM type, our event id and the metadata properties', () => {
    expect(eventDataOf(EVENT_ID, renamed, meta)).toEqual({
      id: EVENT_ID,
      contentType: 'application/json',
      type: 'AccountUpdated',
      data: { accountId: 'a', name: 'Łódź Sp. z o.o.' },
      metadata: encodeRecordMetadata(meta),
    });
  });

  it('reads an event back as a RecordedEvent: version = revision + 1, position = commit position', () => {
    const record = storedRecordOf(resolved(), names)!;
    expect(recordedEventOf(record)).toEqual({
      type: 'AccountUpdated',
      schemaVersion: 1,
      data: { accountId: 'a', name: 'Łódź Sp. z o.o.' },
      eventId: EVENT_ID,
      streamId: 'account-a',
      streamVersion: 2,
      globalPosition: 9_000,
      metadata,
      recordedAt: '2026-05-01T10:00:00.000Z',
    });
  });

  it('keeps the stored payload text the hash covers: the client writes JSON.stringify of the data', () => {
    const record = storedRecordOf(resolved(), names)!;
    expect(record.dataText).toBe(JSON.stringify(renamed.data));
  });

  it('reads a JSON payload delivered as bytes', () => {
    const bytes = new Uint8Array(Buffer.from(JSON.stringify(renamed.data)));
    const record = storedRecordOf(resolved({ data: bytes, isJson: false }), names)!;
    expect(record.data).toEqual(renamed.data);
    expect(record.dataText).toBe(JSON.stringify(renamed.data));
  });

  it.each<[string, Partial<Parameters<typeof resolved>[0]>]>([
    ['a system event', { type: '$metadata' }],
    ['a system stream', { streamId: '$stats-1' }],
    ['an idempotency claim', { streamId: 'idempotency-0f' }],
  ])('skips %s', (_what, overrides) => {
    expect(storedRecordOf(resolved(overrides), names)).toBeNull();
  });

  it('refuses to hand out an event of one of our streams that this store did not write', () => {
    const record = storedRecordOf(resolved({ metadata: { actorId: 'someone' } }), names)!;
    expect(record.meta).toBeNull();
    expect(() => recordedEventOf(record)).toThrow(/was not written by this event store/u);
    const garbled = storedRecordOf(resolved({ data: 'not json' }), names)!;
    expect(() => recordedEventOf(garbled)).toThrow(/JSON object payload/u);
  });

  it('hashes the stream version and a constant in place of the global position, which KurrentDB assigns after the hash', () => {
    const fields = chainedFieldsOf({
      eventId: EVENT_ID,
      streamId: 'account-a',
      streamVersion: 2,
      type: 'AccountUpdated',
      dataText: '{}',
      meta,
    });
    expect(fields).toEqual({
      eventId: EVENT_ID,
      streamId: 'account-a',
      streamVersion: 2,
      globalPosition: HASHED_GLOBAL_POSITION,
      type: 'AccountUpdated',
      schemaVersion: 1,
      recordedAt: '2026-05-01T10:00:00.000Z',
      dataText: '{}',
      metadataText: JSON.stringify(metadata),
    });
    const moved = chainedFieldsOf({
      eventId: EVENT_ID,
      streamId: 'account-a',
      streamVersion: 3,
      type: 'AccountUpdated',
      dataText: '{}',
      meta,
    });
    expect(chainHash(GENESIS_HASH, moved)).not.toBe(chainHash(GENESIS_HASH, fields));
  });
});
