import { ADDRESS_PARTS, PERSONAL_DATA, type JsonValue, type RecordedEvent } from '../../events';
import type { FieldValues, RecordKind } from './record-kinds';

/** One field's change made by one event. `erased`: the values were a person's data, since erased (shown as null). */
export interface FieldChange {
  readonly field: string;
  readonly from: JsonValue;
  readonly to: JsonValue;
  readonly erased: boolean;
}

/** A record after some of its events. */
export interface TimelinePoint {
  /** How many events are folded in (0: before the first). */
  readonly version: number;
  /** When the last folded event was recorded (null before the first). */
  readonly recordedAt: string | null;
  /** When the first event was recorded: the record's creation. */
  readonly createdAt: string | null;
  readonly state: unknown;
  /** The fields whose current value is an erased person's data. */
  readonly erased: ReadonlySet<string>;
}

/** One event of a record's history, with the changes it made. */
export interface TimelineStep {
  readonly event: RecordedEvent;
  readonly changes: readonly FieldChange[];
  /** The event's payload as shown: erased fields null. */
  readonly data: JsonValue;
  readonly point: TimelinePoint;
}

const NOTHING_ERASED: ReadonlySet<string> = new Set();

export function startOf(kind: RecordKind): TimelinePoint {
  return { version: 0, recordedAt: null, createdAt: null, state: kind.initial, erased: NOTHING_ERASED };
}

/** The history field names an event's payload key stands for (`address` is every address part). */
function fieldNamesOf(key: string): readonly string[] {
  return key === 'address' ? ADDRESS_PARTS.map((part) => `address.${part}`) : [key];
}

/** The fields an erasure of a contact blanks: every personal field of its events. */
const ERASED_BY_ERASURE: readonly string[] = Object.keys(PERSONAL_DATA.ContactCreated?.redacted ?? {}).flatMap(fieldNamesOf);

/** Which fields hold erased values after `event`: those it wrote erased, and those erased before it did not rewrite. */
function erasedAfter(point: TimelinePoint, event: RecordedEvent): ReadonlySet<string> {
  const erasedNow = event.erasedFields;
  if (event.type === 'ContactPersonalDataErased') return new Set([...point.erased, ...ERASED_BY_ERASURE]);
  if (point.erased.size === 0 && (erasedNow === undefined || erasedNow.length === 0)) return point.erased;
  const erased = new Set(point.erased);
  const written = new Set((erasedNow ?? []).flatMap(fieldNamesOf));
  for (const key of Object.keys(event.data)) {
    for (const field of fieldNamesOf(key)) {
      if (written.has(field)) erased.add(field);
      else erased.delete(field);
    }
  }
  return erased;
}

/** The record's fields as history shows them at `point` (erased values null), or null before it exists. */
export function shownFields(kind: RecordKind, point: TimelinePoint): FieldValues | null {
  const fields = kind.fields(point.state);
  if (!fields || point.erased.size === 0) return fields;
  const shown: Record<string, JsonValue> = { ...fields };
  for (const field of point.erased) if (field in shown) shown[field] = null;
  return shown;
}

/** Folds one more event without working out what it changed (time travel, and the way to a history page). */
export function advance(kind: RecordKind, point: TimelinePoint, event: RecordedEvent): TimelinePoint {
  return {
    version: event.streamVersion,
    recordedAt: event.recordedAt,
    createdAt: point.createdAt ?? event.recordedAt,
    state: kind.evolve(point.state, event),
    erased: erasedAfter(point, event),
  };
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Folds one more event and works out the per-field changes it made. Fields an event wrote whose values were
 * erased (crypto-shredded) show as null, marked erased, here and in every later point until rewritten.
 */
export function step(kind: RecordKind, point: TimelinePoint, event: RecordedEvent): TimelineStep {
  const next = advance(kind, point, event);
  const before = shownFields(kind, point) ?? {};
  const after = shownFields(kind, next) ?? {};
  const erasedNow = new Set((event.erasedFields ?? []).flatMap(fieldNamesOf));
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (sameJson(from, to) && !erasedNow.has(field)) continue;
    changes.push({ field, from, to, erased: point.erased.has(field) || next.erased.has(field) });
  }
  const data = Object.fromEntries(
    Object.entries(event.data as Record<string, JsonValue>).map(([key, value]) => [
      key,
      erasedNow.has(fieldNamesOf(key)[0]!) ? null : value,
    ]),
  );
  return { event, changes, data, point: next };
}
