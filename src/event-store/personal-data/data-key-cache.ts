import type { DataKey } from './field-cipher';
import { evictOldest } from '../../shared/lru-eviction';

/**
 * Unwrapped data keys, by key id and by subject, kept for a short time (a key destroyed by another process
 * stops being used here within `ttlMs`; one destroyed here is forgotten at once).
 */
export class DataKeyCache {
  private readonly byId = new Map<string, { key: DataKey; subject: string; until: number }>();
  private readonly bySubject = new Map<string, string>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

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
    evictOldest(this.byId, this.capacity, (keyId) => this.forgetKey(keyId));
  }

  /** Forgets every key of a subject (its data was erased). */
  forgetSubject(subject: string): void {
    for (const [keyId, entry] of this.byId) if (entry.subject === subject) this.byId.delete(keyId);
    this.bySubject.delete(subject);
  }

  clear(): void {
    this.byId.clear();
    this.bySubject.clear();
  }

  private forgetKey(keyId: string): void {
    const entry = this.byId.get(keyId);
    this.byId.delete(keyId);
    if (entry && this.bySubject.get(entry.subject) === keyId) this.bySubject.delete(entry.subject);
  }
}
