import { PERSONAL_DATA, type CrmEvent, type JsonValue } from '../../../events';
import { decryptValue, encryptValue, isEncrypted, keyIdOf, type DataKey } from './field-cipher';

type Data = { readonly [key: string]: JsonValue };

/** The person whose data an event carries, if it carries any. */
export function personalSubjectOf(type: string, data: unknown): string | null {
  const spec = PERSONAL_DATA[type];
  return spec ? spec.subject(data as Data) : null;
}

/** The stored JSON of an event's data, with every non-null personal field encrypted with the subject's key. */
export function encodeData(event: CrmEvent, keyOf: (subject: string) => DataKey): string {
  const spec = PERSONAL_DATA[event.type];
  if (!spec) return JSON.stringify(event.data);
  const data = event.data as Data;
  const key = keyOf(spec.subject(data));
  const stored: Record<string, JsonValue> = {};
  for (const [field, value] of Object.entries(data)) {
    stored[field] = field in spec.redacted && value !== null && value !== undefined ? encryptValue(key, value) : value;
  }
  return JSON.stringify(stored);
}

export interface DecodedData {
  readonly data: Data;
  /** Personal fields whose key is gone (erased), read as their placeholders. */
  readonly erasedFields: readonly string[];
}

/**
 * The event's data as written, from its stored JSON: personal fields are decrypted with the keys found by id;
 * a field whose key no longer exists reads as its erased placeholder.
 */
export function decodeData(type: string, stored: Data, keyById: (keyId: string) => DataKey | undefined): DecodedData {
  const spec = PERSONAL_DATA[type];
  if (!spec) return { data: stored, erasedFields: [] };
  const data: Record<string, JsonValue> = {};
  const erasedFields: string[] = [];
  for (const [field, value] of Object.entries(stored)) {
    if (!isEncrypted(value)) {
      data[field] = value;
      continue;
    }
    const key = keyById(keyIdOf(value));
    if (key) {
      data[field] = decryptValue(key, value);
    } else {
      data[field] = spec.redacted[field] ?? null;
      erasedFields.push(field);
    }
  }
  return { data, erasedFields };
}

/** The ids of the data keys a stored payload's values need. */
export function keyIdsIn(stored: Data): string[] {
  return Object.values(stored).filter(isEncrypted).map(keyIdOf);
}
