import { isUtf8 } from 'node:buffer';

/**
 * Checks a byte stream is strict UTF-8, chunk by chunk: a sequence cut by a chunk boundary is held back and
 * checked with the next chunk. `push` returns the bytes that are complete and valid; it throws (through
 * `onInvalid`) at the first invalid byte, with its offset in the whole stream.
 */
export class Utf8Validator {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly onInvalid: (byteOffset: number) => never) {}

  push(chunk: Buffer): Buffer {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const complete = completeLength(bytes);
    const head = bytes.subarray(0, complete);
    if (!isUtf8(head)) this.onInvalid(this.offset + firstInvalid(head));
    this.carry = Buffer.from(bytes.subarray(complete));
    this.offset += complete;
    return head;
  }

  /** Call at the end of the stream: a sequence left unfinished is invalid. */
  end(): void {
    if (this.carry.length > 0) this.onInvalid(this.offset);
  }
}

/** How many leading bytes of `bytes` end on a sequence boundary (a trailing lead byte whose sequence is cut is left out). */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back += 1) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return end;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? end - back : end;
    }
  }
  return end;
}

/** The offset of the first byte that does not start or continue a valid sequence (the slow path, once per file). */
export function firstInvalid(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length || !isUtf8(bytes.subarray(index, index + length))) return index;
    index += length;
  }
  return bytes.length;
}
