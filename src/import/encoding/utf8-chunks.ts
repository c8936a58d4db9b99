import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../domain/import/import-encodings';
import { assertNever } from '../../shared/assert-never';
import { InvalidTextError } from './invalid-text.error';
import { Utf8Validator } from './utf8-validator';

/** How much of a file is read at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * A text file's content as UTF-8 bytes, chunk by chunk (backpressure: the next chunk is read when the consumer
 * asks for it), without a byte order mark. UTF-8 is checked strictly (the first invalid byte throws
 * `InvalidTextError`, never a silent U+FFFD); other encodings are converted.
 */
export async function* utf8Chunks(path: string, encoding: ImportEncoding): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  switch (encoding) {
    case 'utf-8': {
      const validator = new Utf8Validator((offset) => {
        throw new InvalidTextError('utf-8', offset);
      });
      let first = true;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let bytes = chunk;
        if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        first = false;
        const valid = validator.push(bytes);
        if (valid.length > 0) yield valid;
      }
      validator.end();
      return;
    }
    case 'utf-16le':
    case 'utf-16be': {
      // A TextDecoder drops the byte order mark and refuses unpaired surrogates (fatal).
      const decoder = new TextDecoder(encoding, { fatal: true });
      let offset = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          const text = decoder.decode(chunk, { stream: true });
          offset += chunk.length;
          if (text.length > 0) yield Buffer.from(text, 'utf8');
        }
        const rest = decoder.decode();
        if (rest.length > 0) yield Buffer.from(rest, 'utf8');
      } catch (error) {
        if (error instanceof TypeError) throw new InvalidTextError(encoding, offset);
        throw error;
      }
      return;
    }
    case 'windows-1250':
    case 'windows-1252':
    case 'iso-8859-2':
    case 'iso-8859-1': {
      // Single-byte code pages: every byte reads as some character, so there is nothing to refuse.
      const decoder = iconv.getDecoder(encoding);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = decoder.write(chunk);
        if (text.length > 0) yield Buffer.from(text, 'utf8');
      }
      const rest = decoder.end();
      if (rest) yield Buffer.from(rest, 'utf8');
      return;
    }
    default:
      return assertNever(encoding);
  }
}

/** Hands every byte of the file to `push`, chunk by chunk (the slow path, when a file turned out not to be UTF-8). */
export async function scanBytes(path: string, push: (chunk: Buffer) => void): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) push(chunk);
}

/** The 1-based line that byte `offset` of the file is on (for messages about a bad byte). */
export async function lineOfByte(path: string, offset: number): Promise<number> {
  if (offset === 0) return 1;
  let line = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES, end: offset - 1 }) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) line += 1;
  }
  return line;
}
