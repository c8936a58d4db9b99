import { PERSONAL_DATA, type CrmEvent, type JsonValue } from '../../../events';
import { decryptValue, encryptValue, isEncrypted, keyIdOf, type DataKey } from './field-cipher';

type Data = { readonly [key: string]: JsonValue };

/**
 * Where an event's personal fields go in its stored JSON: one encrypted value holding them all (one IV, one
 * cipher operation per event), next to the names of the fields it holds — names are not personal data, and
 * they say which fields read as erased once the key is gone.
 */
export const PERSONAL_PART = '$personal';

interface PersonalPart {
  readonly fields: readonly string[];
  readonly value: string;
}

/** The person whose data an event carries, if it carries any. */
export function personalSubjectOf(type: string, data: unknown): string | null {
  const spec = PERSONAL_DATA[type];
  return spec ? spec.subject(data as Data) : null;
}

/** The stored JSON of an event's data: its non-null personal fields encrypted together with the subject's key. */
export function encodeData(event: CrmEvent, keyOf: (subject: string) => DataKey): string {
  const spec = PERSONAL_DATA[event.type];
  const data = event.data as Data;
  const subject = spec?.subject(data) ?? null;
  if (!spec || subject === null) return JSON.stringify(data);
  const stored: Record<string, JsonValue> = {};
  const personal: Record<string, JsonValue> = {};
  for (const [field, value] of Object.entries(data)) {
    if (field in spec.redacted && value !== null && value !== undefined) personal[field] = value;
    else stored[field] = value;
  }
  const fields = Object.keys(personal);
  if (fields.length > 0) {
    const part: PersonalPart = { fields, value: encryptValue(keyOf(subject), personal) };
    stored[PERSONAL_PART] = part as unknown as JsonValue;
  }
  return JSON.stringify(stored);
}

export interface DecodedData {
  readonly data: Data;
  /** Personal fields whose key is gone (erased), read as their placeholders. */
  readonly erasedFields: readonly string[];
}

/**
 * The event's data as written, from its stored JSON: the personal part is decrypted with the key found by id;
 * when that key no longer exists, each of its fields reads as its erased placeholder.
 */
export function decodeData(type: string, stored: Data, keyById: (keyId: string) => DataKey | undefined): DecodedData {
  const part = personalPartOf(stored);
  if (!part) return { data: stored, erasedFields: [] };
  const { [PERSONAL_PART]: _part, ...plain } = stored;
  const key = keyById(keyIdOf(part.value));
  if (key) return { data: { ...plain, ...(decryptValue(key, part.value) as Data) }, erasedFields: [] };
  const redacted = PERSONAL_DATA[type]?.redacted ?? {};
  return {
    data: { ...plain, ...Object.fromEntries(part.fields.map((field) => [field, redacted[field] ?? null])) },
    erasedFields: part.fields,
  };
}

/** The ids of the data keys a stored payload needs. */
export function keyIdsIn(stored: Data): string[] {
  const part = personalPartOf(stored);
  return part ? [keyIdOf(part.value)] : [];
}

function personalPartOf(stored: Data): PersonalPart | null {
  const part = stored[PERSONAL_PART] as unknown as PersonalPart | undefined;
  return part && isEncrypted(part.value) && Array.isArray(part.fields) ? part : null;
}
