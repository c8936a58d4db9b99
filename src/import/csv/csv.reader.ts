import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { ImportEncoding } from '../../domain/import/import-encodings';
import { ColumnNames } from '../column-names';
import { utf8Chunks } from '../encoding/utf8-chunks';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { RecordReader, SourceCell, SourceRecord } from '../source-record';
import { detectDelimiter, type CsvDelimiter } from './delimiter.detector';

/** How much of the file's start the delimiter is detected from. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Reads a CSV file (Excel's, Outlook's, or any other): the first record is the header; the delimiter is detected
 * from the first records; quoted cells may hold delimiters, doubled quotes and line breaks. Rows are numbered as
 * a spreadsheet shows them (the header is row 1); blank rows are left out. A cell longer than the limit refuses
 * the file.
 */
export class CsvReader implements RecordReader {
  /** The delimiter the file turned out to use (known once reading has started). */
  delimiter: CsvDelimiter | null = null;
  header: readonly string[] = [];

  constructor(
    private readonly path: string,
    private readonly encoding: ImportEncoding,
    private readonly limits: ImportLimits,
  ) {}

  async *records(): AsyncGenerator<SourceRecord> {
    const chunks = utf8Chunks(this.path, this.encoding);
    const head: Buffer[] = [];
    let size = 0;
    let ended = false;
    while (size < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      size += next.value.length;
    }
    this.delimiter = detectDelimiter(Buffer.concat(head).toString('utf8'));
    const parser = parse({
      delimiter: this.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: this.limits.maxCellChars,
    });
    const source = Readable.from(
      (async function* () {
        yield* head;
        if (!ended) yield* chunks;
      })(),
      { objectMode: false },
    );
    // Errors of the file (bad bytes) or of the parser end the iteration below with that error.
    const piped = pipeline(source, parser).catch(() => undefined);
    let row = 0;
    let names: ColumnNames | null = null;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row += 1;
        if (record.length > this.limits.maxColumns)
          throw new ImportFileError(`Row ${row} has ${record.length} columns; at most ${this.limits.maxColumns} are read`);
        if (names === null) {
          names = new ColumnNames(record);
          this.header = Array.from({ length: names.count }, (_, index) => names!.at(index));
          continue;
        }
        const cells: SourceCell[] = [];
        for (let index = 0; index < record.length; index += 1) {
          const value = record[index]!;
          if (value.trim() !== '') cells.push({ column: names.at(index), value });
        }
        if (cells.length > 0) yield { row, cells };
      }
    } catch (error) {
      throw error instanceof CsvError ? csvFileError(error, this.limits) : error;
    } finally {
      source.destroy();
      await piped;
    }
  }
}

/** A parser error as a refusal that says where and what, in words (never the cell's text). */
function csvFileError(error: CsvError, limits: ImportLimits): ImportFileError {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line === undefined ? 'The file' : `Line ${line}`;
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return new ImportFileError(`${where}: a cell is longer than ${limits.maxCellChars} characters; the file is refused`);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportFileError(`${where}: a quoted cell is never closed (a quote is missing)`);
  return new ImportFileError(`${where}: the file cannot be read as CSV (${error.code})`);
}
