import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { importEncodingOf, type ImportEncoding } from '../../domain/import/import-encodings';
import { byteOrderMark } from '../encoding/byte-order-mark';
import { fileHead } from '../encoding/text-encoding.resolver';
import { utf8Chunks } from '../encoding/utf8-chunks';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import { XmlGuard } from './xml-guard';

/** A non-namespaced SAX parser (names keep their prefixes: `ss:Index`). */
export type XmlParser = SaxesParser;

/** The local part of a prefixed XML name (`ss:Index` → `Index`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever its prefix. */
export function attribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (localName(name) === local) return value;
  return undefined;
}

/**
 * The encoding an XML file is in: the one requested; else its byte order mark's; else the one its XML
 * declaration names; else UTF-8 (as the XML standard says), read strictly.
 */
export async function xmlEncoding(path: string, requested: ImportEncoding | null): Promise<ImportEncoding> {
  if (requested !== null) return requested;
  const head = await fileHead(path, 1024);
  const marked = byteOrderMark(head);
  if (marked) return marked.encoding;
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/u.exec(head.toString('latin1'))?.[1];
  if (declared === undefined) return 'utf-8';
  const encoding = importEncodingOf(declared);
  if (encoding === null) throw new ImportFileError(`The XML declares the encoding ${declared}, which an import cannot read`);
  return encoding;
}

/**
 * Streams an XML file through a SAX parser set up by `setup`, yielding what its handlers `emit` after each
 * chunk (so memory holds one chunk's worth). The bytes pass the XML guard first: no DTD, no oversized text.
 * Parser errors (and `ImportFileError`s thrown by handlers) refuse the file.
 */
export async function* readXml<T>(
  path: string,
  encoding: ImportEncoding,
  limits: ImportLimits,
  setup: (parser: XmlParser, emit: (item: T) => void) => void,
): AsyncGenerator<T> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: T[] = [];
  parser.on('doctype', () => {
    throw new ImportFileError('The file declares a document type (<!DOCTYPE>): DTDs are refused, so no entity is ever expanded or fetched');
  });
  setup(parser, (item) => ready.push(item));
  const guard = new XmlGuard('The file', limits.maxCellChars * 4);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of utf8Chunks(path, encoding)) {
      guard.push(chunk);
      parser.write(decoder.write(chunk));
      yield* ready.splice(0);
    }
    parser.write(decoder.end());
    parser.close();
    yield* ready.splice(0);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`The file is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
}
