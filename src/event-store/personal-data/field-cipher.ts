import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomBytesPooled } from '../../shared/random-pool';
import type { JsonValue } from '../../../events';

const PREFIX = 'enc:v1:';

/** A person's data key: its id (written into every value it encrypts) and the 32 key bytes. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/** Encrypts one JSON value (AES-256-GCM, random IV): `enc:v1:<keyId>:<iv‖tag‖ciphertext base64>`. */
export function encryptValue(dataKey: DataKey, value: JsonValue): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${dataKey.id}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The id of the key a stored value was encrypted with. */
export function keyIdOf(value: string): string {
  return value.slice(PREFIX.length, value.indexOf(':', PREFIX.length));
}

/** Decrypts a stored value; throws if the key is not the one it was encrypted with or the value was altered. */
export function decryptValue(dataKey: DataKey, value: string): JsonValue {
  const bytes = Buffer.from(value.slice(value.indexOf(':', PREFIX.length) + 1), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as JsonValue;
}
