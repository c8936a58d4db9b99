import type { EventMetadata } from '../../events';
import { GENESIS_HASH } from '../../src/event-store/hash-chain';
import {
  canonicalMetadata,
  decodeRecordMetadata,
  encodeRecordMetadata,
  type RecordMetadata,
} from '../../src/event-store/kurrentdb/kurrentdb-record-metadata';

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'req-9', source: 'api' };
const record: RecordMetadata = {
  metadata,
  schemaVersion: 2,
  recordedAt: '2026-05-01T10:00:00.000Z',
  prevHash: GENESIS_HASH,
  hash: 'a'.repeat(64),
};

describe('KurrentDB record metadata: our metadata, schema version, time and chain link as flat strings', () => {
  it('stores every field as a string property (multi-stream appends accept nothing else)', () => {
    expect(encodeRecordMetadata(record)).toEqual({
      actorId: 'user-1',
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      causationId: 'req-9',
      source: 'api',
      schemaVersion: '2',
      recordedAt: '2026-05-01T10:00:00.000Z',
      prevHash: GENESIS_HASH,
      hash: 'a'.repeat(64),
    });
  });

  it('reads back what it stored', () => {
    expect(decodeRecordMetadata(encodeRecordMetadata(record))).toEqual(record);
  });

  it('leaves a null causation out, and reads its absence back as null', () => {
    const stored = encodeRecordMetadata({ ...record, metadata: { ...metadata, causationId: null } });
    expect(stored).not.toHaveProperty('causationId');
    expect(decodeRecordMetadata(stored)?.metadata.causationId).toBeNull();
    expect(decodeRecordMetadata({ ...stored, causationId: '' })?.metadata.causationId).toBe('');
  });

  it('ignores the properties the server adds on multi-stream appends', () => {
    const stored = { ...encodeRecordMetadata(record), '$schema.format': 'Json', '$schema.name': 'AccountCreated' };
    expect(decodeRecordMetadata(stored)).toEqual(record);
  });

  it('keeps only the five EventMetadata fields, in their declared order', () => {
    const noisy = {
      source: 'cli',
      extra: 1,
      causationId: null,
      correlationId: 'c',
      commandId: 'm',
      actorId: 'a',
    } as unknown as EventMetadata;
    expect(JSON.stringify(canonicalMetadata(noisy))).toBe(
      '{"actorId":"a","commandId":"m","correlationId":"c","causationId":null,"source":"cli"}',
    );
  });

  it.each<[string, unknown]>([
    ['no metadata', undefined],
    ['binary metadata', new Uint8Array([1, 2])],
    ['an array', []],
    ['a missing hash', { ...encodeRecordMetadata(record), hash: undefined }],
    ['a short hash', { ...encodeRecordMetadata(record), hash: 'abc' }],
    ['an unknown source', { ...encodeRecordMetadata(record), source: 'email' }],
    ['a numeric schema version', { ...encodeRecordMetadata(record), schemaVersion: 2 }],
    ['schema version 0', { ...encodeRecordMetadata(record), schemaVersion: '0' }],
    ['an unreadable time', { ...encodeRecordMetadata(record), recordedAt: 'yesterday' }],
    ['a non-string causation', { ...encodeRecordMetadata(record), causationId: 7 }],
  ])('does not take %s for ours', (_what, value) => {
    expect(decodeRecordMetadata(value)).toBeNull();
  });
});
