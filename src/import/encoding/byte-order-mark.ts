import type { ImportEncoding } from '../../domain/import/import-encodings';

/** The encoding a byte order mark at the start of `head` announces, and the mark's length; null without one. */
export function byteOrderMark(head: Uint8Array): { readonly encoding: ImportEncoding; readonly length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}
