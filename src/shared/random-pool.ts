import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 16 * 1024;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * Cryptographically random bytes, served from a pool refilled 16 KiB at a time: asking the system for a few
 * bytes per call (an IV, a key) costs far more than copying them out of a buffer. Returns a fresh copy.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_SIZE) return randomFillSync(Buffer.allocUnsafe(size));
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  // Never hand out the same bytes twice.
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
