import { open } from 'node:fs/promises';
import type { ImportEncoding } from '../../domain/import/import-encodings';
import { assertNever } from '../../shared/assert-never';
import { ImportFileError } from '../import-file.error';
import { byteOrderMark } from './byte-order-mark';
import { InvalidTextError } from './invalid-text.error';
import { LegacyEncodingDetector } from './legacy-encoding.detector';
import { lineOfByte, scanBytes } from './utf8-chunks';

/**
 * Runs `read` over a text file in the encoding it is in: the one requested; else the one its byte order mark
 * announces; else strict UTF-8. When UTF-8 fails, the whole file is looked at: a file with no valid multi-byte
 * UTF-8 in it is read again in the Windows code page its letters suggest (1250 or 1252); a damaged UTF-8 file
 * or one with control bytes is refused with where the first bad byte is.
 */
export async function readInTextEncoding<T>(
  path: string,
  requested: ImportEncoding | null,
  read: (encoding: ImportEncoding) => Promise<T>,
): Promise<{ readonly result: T; readonly encoding: ImportEncoding }> {
  if (requested !== null) return { result: await read(requested), encoding: requested };
  const marked = byteOrderMark(await fileHead(path, 4));
  if (marked) return { result: await read(marked.encoding), encoding: marked.encoding };
  try {
    return { result: await read('utf-8'), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof InvalidTextError)) throw error;
    const detector = new LegacyEncodingDetector();
    await scanBytes(path, (chunk) => detector.push(chunk));
    const verdict = detector.verdict();
    const where = `line ${await lineOfByte(path, error.byteOffset)}, byte ${error.byteOffset + 1}`;
    switch (verdict.kind) {
      case 'legacy':
        return { result: await read(verdict.encoding), encoding: verdict.encoding };
      case 'damaged-utf-8':
        throw new ImportFileError(
          `The file is UTF-8 with invalid bytes (first at ${where}): repair it, or set the encoding (e.g. windows-1250) to read it in a code page`,
        );
      case 'not-text':
        throw new ImportFileError(
          `The file is not valid UTF-8 (first bad byte at ${where}) and holds control bytes, so it is not text in a Windows code page either; ` +
            'a UTF-16 file without a byte order mark needs the encoding set (utf-16le)',
        );
      default:
        return assertNever(verdict);
    }
  }
}

/** The first `length` bytes of a file (fewer when it is shorter). */
export async function fileHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
