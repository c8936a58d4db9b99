import { upcast, type EventMetadata, type JsonValue } from '../../events';
import type { ExpectedVersion, RecordedEvent } from './event-store';
import type { ChainedFields } from './hash-chain';
import type { DataKey } from './personal-data/field-cipher';
import { decodeData } from './personal-data/personal-data-codec';
import type { DataKeyRows, PersonalDataVault } from './personal-data/personal-data-vault';

/** An event row as the SQL adapters store it. */
export interface StoredEventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

export const STORED_EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, hash';

type Data = { readonly [key: string]: JsonValue };

/**
 * The stored rows as `RecordedEvent`s: personal fields decrypted (or read as erased when their key is gone)
 * when a vault is given, payloads brought to the current shape.
 */
export async function toRecordedEvents(
  rows: readonly StoredEventRow[],
  vault?: PersonalDataVault,
  keyRows?: DataKeyRows,
): Promise<RecordedEvent[]> {
  if (rows.length === 0) return [];
  const payloads = rows.map((row) => JSON.parse(row.data) as Data);
  // Without the vault, encrypted values cannot be read: they read as erased, never as ciphertext.
  const keys = vault && keyRows ? await vault.keysForRead(payloads, keyRows) : new Map<string, DataKey>();
  return rows.map((row, index) => {
    const decoded = decodeData(row.type, payloads[index]!, (keyId) => keys.get(keyId));
    return toRecordedEvent(row, decoded.data, decoded.erasedFields);
  });
}

/**
 * The stored row as a `RecordedEvent`, its payload brought to the current shape. The metadata is parsed
 * when first read: replays and projections mostly never look at it.
 */
export function toRecordedEvent(
  row: StoredEventRow,
  payload: Data = JSON.parse(row.data) as Data,
  erasedFields: readonly string[] = [],
): RecordedEvent {
  const event = upcast({ type: row.type, schemaVersion: row.schema_version, data: payload });
  const metadataText = row.metadata;
  let metadata: EventMetadata | undefined;
  return {
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    get metadata(): EventMetadata {
      metadata ??= JSON.parse(metadataText) as EventMetadata;
      return metadata;
    },
    recordedAt: row.recorded_at,
    ...(erasedFields.length > 0 ? { erasedFields } : {}),
  } as RecordedEvent;
}

/** What the hash of a stored row covers, and the hash it holds. */
export function chainedFieldsOf(row: StoredEventRow): ChainedFields & { hash: string } {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    recordedAt: row.recorded_at,
    dataText: row.data,
    metadataText: row.metadata,
    hash: row.hash,
  };
}

/** Whether a stream at `actual` (0 = does not exist) satisfies an expectation. */
export function satisfies(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 0;
  return actual === expected;
}
