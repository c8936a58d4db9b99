import type { EventMetadata, EventSource } from '../../../events';

/**
 * What this adapter stores in a KurrentDB event's metadata besides the payload: who did it and why (our
 * `EventMetadata`), the payload's schema version, when it was recorded, and the per-stream hash chain link.
 */
export interface RecordMetadata {
  readonly metadata: EventMetadata;
  readonly schemaVersion: number;
  /** ISO-8601 instant in UTC, exactly as the hash covers it. */
  readonly recordedAt: string;
  /** The hash of the stream's previous event (GENESIS_HASH for its first). */
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The stored form: a flat object of strings, because multi-stream appends (KurrentDB 25.1+) accept nothing else.
 * A null `causationId` is left out (an empty string stays an empty string). Keys the server adds when reading
 * back (`$schema.name`, `$schema.format`) or that another writer adds are ignored on the way in.
 */
export type RecordMetadataProperties = Readonly<Record<string, string>>;

const SOURCES: Readonly<Record<EventSource, true>> = { api: true, import: true, cli: true, system: true };
const HASH = /^[0-9a-f]{64}$/u;
const SCHEMA_VERSION = /^[1-9][0-9]{0,8}$/u;

export function encodeRecordMetadata(record: RecordMetadata): RecordMetadataProperties {
  const { metadata } = record;
  return {
    actorId: metadata.actorId,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    ...(metadata.causationId === null ? {} : { causationId: metadata.causationId }),
    source: metadata.source,
    schemaVersion: String(record.schemaVersion),
    recordedAt: record.recordedAt,
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

/** The metadata this adapter wrote, or null when the value does not carry it (another writer's event, or a tampered one). */
export function decodeRecordMetadata(value: unknown): RecordMetadata | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return null;
  const properties = value as Readonly<Record<string, unknown>>;
  const text = (key: string): string | null => {
    const field = properties[key];
    return typeof field === 'string' ? field : null;
  };
  const actorId = text('actorId');
  const commandId = text('commandId');
  const correlationId = text('correlationId');
  const source = text('source');
  const schemaVersion = text('schemaVersion');
  const recordedAt = text('recordedAt');
  const prevHash = text('prevHash');
  const hash = text('hash');
  const causation = properties.causationId;
  if (actorId === null || commandId === null || correlationId === null || source === null) return null;
  if (!isEventSource(source) || (causation !== undefined && typeof causation !== 'string')) return null;
  if (schemaVersion === null || !SCHEMA_VERSION.test(schemaVersion)) return null;
  if (recordedAt === null || Number.isNaN(Date.parse(recordedAt))) return null;
  if (prevHash === null || hash === null || !HASH.test(prevHash) || !HASH.test(hash)) return null;
  return {
    metadata: canonicalMetadata({ actorId, commandId, correlationId, causationId: causation ?? null, source }),
    schemaVersion: Number(schemaVersion),
    recordedAt,
    prevHash,
    hash,
  };
}

/**
 * Exactly the five fields of `EventMetadata`, in their declared order: what the hash covers (as JSON) and what
 * readers get back, whatever extra properties or key order the caller's object had.
 */
export function canonicalMetadata(metadata: EventMetadata): EventMetadata {
  return {
    actorId: metadata.actorId,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    source: metadata.source,
  };
}

function isEventSource(value: string): value is EventSource {
  return Object.hasOwn(SOURCES, value);
}
