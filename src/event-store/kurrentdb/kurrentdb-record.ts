import { jsonEvent, type AllStreamResolvedEvent, type EventData, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { upcast, type CrmEvent } from '../../../events';
import type { RecordedEvent } from '../event-store';
import type { ChainedFields } from '../hash-chain';
import { versionOfRevision } from './kurrentdb-expected-version';
import { globalPositionOf } from './kurrentdb-position';
import { decodeRecordMetadata, encodeRecordMetadata, type RecordMetadata } from './kurrentdb-record-metadata';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

/**
 * The position a chained hash covers. KurrentDB assigns an event's `$all` position only when it commits, after
 * the hash was computed and stored with it, so the hash covers the stream version instead (the chain is per
 * stream) and this constant in place of the global position.
 */
export const HASHED_GLOBAL_POSITION = 0;

/** One event read back from KurrentDB in one of our streams, before it is trusted as one this adapter wrote. */
export interface StoredRecord {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly eventId: string;
  readonly type: string;
  /** The payload's stored JSON text (for a tampered or foreign event, whatever text or bytes it holds). */
  readonly dataText: string;
  /** The parsed payload when it is a JSON object, else null. */
  readonly data: Readonly<Record<string, unknown>> | null;
  /** This adapter's metadata, or null when the event does not carry it. */
  readonly meta: RecordMetadata | null;
}

/** A record that carries this adapter's metadata and an object payload. */
export type OwnRecord = StoredRecord & { readonly meta: RecordMetadata; readonly data: Readonly<Record<string, unknown>> };

export function isOwnRecord(record: StoredRecord): record is OwnRecord {
  return record.meta !== null && record.data !== null;
}

/**
 * The record behind a resolved event, or null when it is not in one of our streams: a system event or stream,
 * an idempotency claim, another namespace's stream, a link whose target is gone.
 */
export function storedRecordOf(resolved: ResolvedEvent | AllStreamResolvedEvent, names: KurrentDbStreamNames): StoredRecord | null {
  const event = resolved.event;
  if (!event || event.type.startsWith('$')) return null;
  const streamId = names.fromKurrent(event.streamId);
  if (streamId === null) return null;
  const payload = payloadOf(event.data);
  return {
    streamId,
    streamVersion: versionOfRevision(event.revision),
    globalPosition: globalPositionOf(event.position, event.id),
    eventId: event.id.toLowerCase(),
    type: event.type,
    dataText: payload.text,
    data: payload.data,
    meta: decodeRecordMetadata(event.metadata),
  };
}

/** The event as the port returns it, its payload brought to the current shape. */
export function recordedEventOf(record: StoredRecord): RecordedEvent {
  if (!isOwnRecord(record)) {
    throw new Error(
      `Event ${record.eventId} (${record.streamId} version ${record.streamVersion}) was not written by this event store: ` +
        'it lacks the CRM metadata or a JSON object payload (verify() reports where the chain breaks)',
    );
  }
  const event: CrmEvent = upcast({ type: record.type, schemaVersion: record.meta.schemaVersion, data: record.data });
  return {
    ...event,
    eventId: record.eventId,
    streamId: record.streamId,
    streamVersion: record.streamVersion,
    globalPosition: record.globalPosition,
    metadata: record.meta.metadata,
    recordedAt: record.meta.recordedAt,
  };
}

/** What an event's hash covers (see `HASHED_GLOBAL_POSITION`); the metadata text is the canonical `EventMetadata` JSON. */
export function chainedFieldsOf(event: {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly dataText: string;
  readonly meta: Pick<RecordMetadata, 'metadata' | 'schemaVersion' | 'recordedAt'>;
}): ChainedFields {
  return {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: HASHED_GLOBAL_POSITION,
    type: event.type,
    schemaVersion: event.meta.schemaVersion,
    recordedAt: event.meta.recordedAt,
    dataText: event.dataText,
    metadataText: JSON.stringify(event.meta.metadata),
  };
}

/**
 * A new event as KurrentDB event data: JSON content, our id, the CRM type as the KurrentDB event type, and the
 * metadata as flat string properties. The client stores `JSON.stringify(data)`, the same text the hash covers.
 */
export function eventDataOf(eventId: string, event: CrmEvent, meta: RecordMetadata): EventData {
  return jsonEvent({ id: eventId, type: event.type, data: { ...event.data }, metadata: { ...encodeRecordMetadata(meta) } });
}

/** The payload's text and, when it is a JSON object, its value. The client parses JSON content and hands binary over as bytes. */
function payloadOf(data: unknown): { text: string; data: Readonly<Record<string, unknown>> | null } {
  if (data instanceof Uint8Array) {
    const text = Buffer.from(data).toString('utf8');
    try {
      return { text, data: asObject(JSON.parse(text)) };
    } catch {
      return { text, data: null };
    }
  }
  // The client falls back to the raw text when JSON content does not parse.
  if (typeof data === 'string') return { text: data, data: null };
  return { text: JSON.stringify(data) ?? '', data: asObject(data) };
}

function asObject(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Readonly<Record<string, unknown>>) : null;
}
