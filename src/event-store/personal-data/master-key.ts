import { createCipheriv, createDecipheriv, createHash, type Cipher } from 'node:crypto';
import { randomBytesPooled } from '../../shared/random-pool';

/** The key that wraps every data key. Losing it loses every person's data; changing it needs a re-wrap. */
export class MasterKey {
  /** A short fingerprint stored next to each wrapped key, to refuse a different master key clearly. */
  readonly id: string;

  private stream: Keystream | null = null;

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

  /**
   * Wraps a 32-byte data key: AES-256-CTR, `ctr:` then base64 of the key's first counter block ‖ ciphertext.
   * Keys are wrapped from one long keystream (a random start, two blocks per key), so wrapping costs a block
   * cipher call, not a new cipher context per key. A wrapped key carries no tag of its own: altered, it unwraps
   * to a wrong key, and the authenticated encryption of every value under it (AES-256-GCM) refuses to decrypt.
   */
  wrap(dataKey: Buffer): string {
    if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`A data key has ${DATA_KEY_BYTES} bytes, not ${dataKey.length}`);
    const stream = this.keystream();
    const counter = counterBlock(stream.next);
    stream.next += BigInt(DATA_KEY_BYTES / BLOCK_BYTES);
    stream.wrapped += 1;
    return `${CTR_PREFIX}${Buffer.concat([counter, stream.cipher.update(dataKey)]).toString('base64')}`;
  }

  unwrap(wrapped: string): Buffer {
    if (wrapped.startsWith(CTR_PREFIX)) {
      const bytes = Buffer.from(wrapped.slice(CTR_PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-ctr', this.key, bytes.subarray(0, BLOCK_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(BLOCK_BYTES)), decipher.final()]);
    }
    // Keys wrapped before the keystream: AES-256-GCM, iv ‖ tag ‖ ciphertext.
    const bytes = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  }

  /** The current keystream, started afresh (a new random counter) every KEYS_PER_KEYSTREAM keys. */
  private keystream(): Keystream {
    if (!this.stream || this.stream.wrapped >= KEYS_PER_KEYSTREAM) {
      const start = randomBytesPooled(BLOCK_BYTES);
      this.stream = {
        cipher: createCipheriv('aes-256-ctr', this.key, start),
        next: start.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n),
        wrapped: 0,
      };
    }
    return this.stream;
  }
}

const CTR_PREFIX = 'ctr:';
const DATA_KEY_BYTES = 32;
const BLOCK_BYTES = 16;
const KEYS_PER_KEYSTREAM = 1 << 20;
const COUNTER_MASK = (1n << 128n) - 1n;

interface Keystream {
  readonly cipher: Cipher;
  /** The counter block the next key starts at (as AES-CTR counts: the whole block, big-endian, mod 2^128). */
  next: bigint;
  wrapped: number;
}

function counterBlock(value: bigint): Buffer {
  const block = Buffer.alloc(BLOCK_BYTES);
  let rest = value & COUNTER_MASK;
  for (let index = BLOCK_BYTES - 1; index >= 0; index -= 1) {
    block[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return block;
}

/** The master key id stored with data keys does not match the configured one. */
export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
  constructor(expected: string, found: string) {
    super(`The data keys were wrapped with master key ${found}, but DATA_KEY is ${expected}: configure the DATA_KEY they were made with`);
  }
}
