import { upcast, type EventMetadata } from '../../events';
import type { ExpectedVersion, RecordedEvent } from './event-store';
import type { ChainedFields } from './hash-chain';

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

/**
 * The stored row as a `RecordedEvent`, its payload brought to the current shape. The metadata is parsed
 * when first read: replays and projections mostly never look at it.
 */
export function toRecordedEvent(row: StoredEventRow): RecordedEvent {
  const event = upcast({ type: row.type, schemaVersion: row.schema_version, data: JSON.parse(row.data) });
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
