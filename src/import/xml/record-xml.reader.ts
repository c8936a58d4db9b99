import type { ImportEncoding } from '../../domain/import/import-encodings';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { RecordReader, SourceCell, SourceRecord } from '../source-record';
import { localName, readXml, xmlEncoding } from './xml-document';

/**
 * Reads "plain" record XML: every child of the root element is a record, e.g.
 * `<contacts><contact><firstName>Jan</firstName><address><city>Łódź</city></address></contact>…</contacts>`.
 * A record's attributes and child elements are its columns; nested elements are named by their path
 * (`address.city`); a repeated element gets its occurrence (`phone (2)`). Records are numbered 1, 2, … .
 */
export class RecordXmlReader implements RecordReader {
  encoding: ImportEncoding | null = null;
  readonly header: readonly string[] = [];

  constructor(
    private readonly path: string,
    private readonly requested: ImportEncoding | null,
    private readonly limits: ImportLimits,
  ) {}

  async *records(): AsyncGenerator<SourceRecord> {
    this.encoding = await xmlEncoding(this.path, this.requested);
    const limits = this.limits;
    yield* readXml<SourceRecord>(this.path, this.encoding, limits, (parser, emit) => {
      let depth = 0;
      let row = 0;
      /** The element names from the record (exclusive) down to the current element. */
      const path: string[] = [];
      let cells: SourceCell[] = [];
      let seen = new Map<string, number>();
      let text = '';
      const add = (column: string, value: string) => {
        if (value.trim() === '') return;
        const occurrence = (seen.get(column) ?? 0) + 1;
        seen.set(column, occurrence);
        if (cells.length >= limits.maxColumns) throw new ImportFileError(`Record ${row} has more than ${limits.maxColumns} fields`);
        cells.push({ column: occurrence === 1 ? column : `${column} (${occurrence})`, value });
      };
      parser.on('opentag', (tag) => {
        depth += 1;
        if (depth === 2) {
          row += 1;
          cells = [];
          seen = new Map();
          for (const [name, value] of Object.entries(tag.attributes)) add(localName(name), value);
        } else if (depth > 2) {
          path.push(localName(tag.name));
          text = '';
        }
      });
      const onText = (chunk: string) => {
        if (depth > 2) text += chunk;
      };
      parser.on('text', onText);
      parser.on('cdata', onText);
      parser.on('closetag', () => {
        if (depth === 2) {
          if (cells.length > 0) emit({ row, cells });
        } else if (depth > 2) {
          add(path.join('.'), text);
          path.pop();
          text = '';
        }
        depth -= 1;
      });
    });
  }
}
