import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { randomBytesPooled } from '../../shared/random-pool';

/** The key that wraps every data key. Losing it loses every person's data; changing it needs a re-wrap. */
export class MasterKey {
  /** A short fingerprint stored next to each wrapped key, to refuse a different master key clearly. */
  readonly id: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('DATA_KEY must be 32 bytes (base64 of 32 random bytes)');
    this.id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  /** Parses `DATA_KEY`: base64 (or base64url) of 32 bytes. */
  static fromBase64(text: string): MasterKey {
    return new MasterKey(Buffer.from(text.trim(), 'base64'));
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytesPooled(32));
  }

  toBase64(): string {
    return this.key.toString('base64');
  }

  /** AES-256-GCM of a data key: iv ‖ tag ‖ ciphertext, base64. */
  wrap(dataKey: Buffer): string {
    const iv = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  unwrap(wrapped: string): Buffer {
    const bytes = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  }
}

/** The master key id stored with data keys does not match the configured one. */
export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
  constructor(expected: string, found: string) {
    super(`The data keys were wrapped with master key ${found}, but DATA_KEY is ${expected}: configure the DATA_KEY they were made with`);
  }
}
