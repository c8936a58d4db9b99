import type { DataKey } from './field-cipher';
import { LruMap } from '../../shared/lru-map';

/**
 * Unwrapped data keys, by key id and by subject, kept for a short time (a key destroyed by another process
 * stops being used here within `ttlMs`; one destroyed here is forgotten at once).
 */
export class DataKeyCache {
  private readonly byId: LruMap<string, { key: DataKey; subject: string; until: number }>;
  private readonly bySubject = new Map<string, string>();

  constructor(
    private readonly ttlMs = 30_000,
    capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.byId = new LruMap(capacity, (keyId, entry) => this.forgetCurrent(keyId, entry.subject));
  }

  byKeyId(keyId: string): DataKey | undefined {
    const entry = this.byId.get(keyId);
    if (!entry) return undefined;
    if (entry.until < this.now()) {
      this.forgetKey(keyId);
      return undefined;
    }
    return entry.key;
  }

  currentFor(subject: string): DataKey | undefined {
    const keyId = this.bySubject.get(subject);
    return keyId === undefined ? undefined : this.byKeyId(keyId);
  }

  remember(subject: string, key: DataKey, current: boolean): void {
    this.byId.set(key.id, { key, subject, until: this.now() + this.ttlMs });
    if (current) this.bySubject.set(subject, key.id);
  }

  /** Forgets every key of a subject (its data was erased). */
  forgetSubject(subject: string): void {
    for (const [keyId, entry] of this.byId.entries()) if (entry.subject === subject) this.byId.delete(keyId);
    this.bySubject.delete(subject);
  }

  clear(): void {
    this.byId.clear();
    this.bySubject.clear();
  }

  private forgetKey(keyId: string): void {
    const entry = this.byId.peek(keyId);
    this.byId.delete(keyId);
    if (entry) this.forgetCurrent(keyId, entry.subject);
  }

  private forgetCurrent(keyId: string, subject: string): void {
    if (this.bySubject.get(subject) === keyId) this.bySubject.delete(subject);
  }
}
