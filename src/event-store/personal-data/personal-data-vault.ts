import { v7 as uuidv7 } from 'uuid';
import { randomBytesPooled } from '../../shared/random-pool';
import { PERSONAL_DATA, type CrmEvent, type JsonValue } from '../../../events';
import { DataKeyCache } from './data-key-cache';
import type { DataKey } from './field-cipher';
import { MasterKeyMismatchError, type MasterKey } from './master-key';
import { decodeData, encodeData, keyIdsIn, personalSubjectOf, type DecodedData } from './personal-data-codec';

/** A stored data key: wrapped with the master key whose id it records. */
export interface StoredDataKey {
  readonly keyId: string;
  readonly subject: string;
  readonly wrapped: string;
  readonly masterKeyId: string;
}

/** How an adapter reads and writes its `data_keys` table (inside the append's transaction when writing). */
export interface DataKeyRows {
  /** The newest key of each subject that has one. */
  currentFor(subjects: readonly string[]): Promise<StoredDataKey[]>;
  byIds(keyIds: readonly string[]): Promise<StoredDataKey[]>;
  insert(key: StoredDataKey, createdAt: string): Promise<void>;
  /** Destroys every key of the subjects; returns how many were destroyed. */
  destroy(subjects: readonly string[]): Promise<number>;
  /** The id of the master key some stored key was wrapped with (none when there are no keys yet). */
  anyMasterKeyId(): Promise<string | undefined>;
}

type Data = { readonly [key: string]: JsonValue };

/**
 * Keeps people's data keys for an event store: makes a key the first time a person's data is written,
 * finds the keys a read needs, destroys a person's keys on erasure. Unwrapped keys are cached briefly.
 */
export class PersonalDataVault {
  constructor(
    private readonly masterKey: MasterKey,
    private readonly cache = new DataKeyCache(),
  ) {}

  /** Refuses to start with a master key other than the one the stored keys were wrapped with. */
  async checkMasterKey(rows: DataKeyRows): Promise<void> {
    const stored = await rows.anyMasterKeyId();
    if (stored !== undefined && stored !== this.masterKey.id) throw new MasterKeyMismatchError(this.masterKey.id, stored);
  }

  /** The current key of each subject, created (through `rows`, in the caller's transaction) where missing. */
  async keysForWrite(events: readonly CrmEvent[], rows: DataKeyRows, now: string): Promise<Map<string, DataKey>> {
    const keys = new Map<string, DataKey>();
    // A record's first event (ContactCreated) has no key to look up yet: one is made without asking.
    const fresh = new Set<string>();
    const subjects = new Set<string>();
    for (const event of events) {
      const subject = personalSubjectOf(event.type, event.data);
      if (subject === null) continue;
      subjects.add(subject);
      if (PERSONAL_DATA[event.type]!.createdBy.includes(event.type)) fresh.add(subject);
    }
    if (subjects.size === 0) return keys;
    const missing: string[] = [];
    for (const subject of subjects) {
      const cached = this.cache.currentFor(subject);
      if (cached) keys.set(subject, cached);
      else if (!fresh.has(subject)) missing.push(subject);
    }
    if (missing.length > 0) for (const stored of await rows.currentFor(missing)) keys.set(stored.subject, this.unwrap(stored, true));
    for (const subject of subjects) {
      if (keys.has(subject)) continue;
      // Time-ordered ids: new keys land at the end of the key table's index, not on random pages.
      const key: DataKey = { id: uuidv7(), key: randomBytesPooled(32) };
      await rows.insert({ keyId: key.id, subject, wrapped: this.masterKey.wrap(key.key), masterKeyId: this.masterKey.id }, now);
      // Remembered only once the append commits (see `remember`): a rolled-back key must not be reused.
      keys.set(subject, key);
    }
    return keys;
  }

  /** Caches keys created by an append that committed. */
  remember(keys: ReadonlyMap<string, DataKey>): void {
    for (const [subject, key] of keys) this.cache.remember(subject, key, true);
  }

  /** The stored JSON of an event's data, personal fields encrypted. */
  encode(event: CrmEvent, keys: ReadonlyMap<string, DataKey>): string {
    return encodeData(event, (subject) => {
      const key = keys.get(subject);
      if (!key) throw new Error(`No data key prepared for ${subject}`);
      return key;
    });
  }

  /** The keys the stored payloads need, by id (absent: destroyed). */
  async keysForRead(payloads: readonly Data[], rows: DataKeyRows): Promise<Map<string, DataKey>> {
    const keys = new Map<string, DataKey>();
    const missing = new Set<string>();
    for (const payload of payloads) {
      for (const keyId of keyIdsIn(payload)) {
        if (keys.has(keyId) || missing.has(keyId)) continue;
        const cached = this.cache.byKeyId(keyId);
        if (cached) keys.set(keyId, cached);
        else missing.add(keyId);
      }
    }
    if (missing.size > 0) for (const stored of await rows.byIds([...missing])) keys.set(stored.keyId, this.unwrap(stored, false));
    return keys;
  }

  decode(type: string, stored: Data, keys: ReadonlyMap<string, DataKey>): DecodedData {
    return decodeData(type, stored, (keyId) => keys.get(keyId));
  }

  /** Forgets the cached keys of erased subjects (after their destruction committed). */
  forget(subjects: readonly string[]): void {
    for (const subject of subjects) this.cache.forgetSubject(subject);
  }

  private unwrap(stored: StoredDataKey, current: boolean): DataKey {
    if (stored.masterKeyId !== this.masterKey.id) throw new MasterKeyMismatchError(this.masterKey.id, stored.masterKeyId);
    const key = { id: stored.keyId, key: this.masterKey.unwrap(stored.wrapped) };
    this.cache.remember(stored.subject, key, current);
    return key;
  }
}
