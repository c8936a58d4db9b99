import type { ImportFormatName } from '../../../events/import.events';
import type { ImportEncoding } from '../../domain/import/import-encodings';
import { assertNever } from '../../shared/assert-never';
import { CsvReader } from '../csv/csv.reader';
import { readInTextEncoding } from '../encoding/text-encoding.resolver';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { RecordReader } from '../source-record';
import { VCardReader } from '../vcard/vcard.reader';
import { XlsxReader } from '../xlsx/xlsx.reader';
import { RecordXmlReader } from '../xml/record-xml.reader';
import { xmlEncoding } from '../xml/xml-document';
import { XmlSpreadsheetReader } from '../xml/xml-spreadsheet.reader';

/** What reading a file through once found: the encoding it is in, its columns, its rows. */
export interface ScannedFile {
  /** The text encoding the file was read in; null for a workbook. */
  readonly encoding: ImportEncoding | null;
  /** Every column: the header's in order, then any other that a row brings, in the order they first appear. */
  readonly columns: readonly string[];
  /** The columns that hold a value in at least one row. */
  readonly columnsWithData: ReadonlySet<string>;
  /** Rows with data. */
  readonly totalRows: number;
  /** The number of the last row with data. */
  readonly lastRow: number;
}

/** At most this many different columns (record XML and vCard rows may each bring new ones). */
const MAX_DISTINCT_COLUMNS = 2000;

/** The reader of a file in a format, in an encoding already settled (see `scanFile`). */
export function recordReader(
  format: ImportFormatName,
  path: string,
  encoding: ImportEncoding | null,
  limits: ImportLimits,
  inspected = false,
): RecordReader {
  switch (format) {
    case 'CSV':
    case 'OUTLOOK_CSV':
      return new CsvReader(path, encoding ?? 'utf-8', limits);
    case 'VCARD':
      return new VCardReader(path, encoding ?? 'utf-8', limits);
    case 'XLSX':
      return new XlsxReader(path, limits, !inspected);
    case 'XML_SPREADSHEET':
      return new XmlSpreadsheetReader(path, encoding, limits);
    case 'XML':
      return new RecordXmlReader(path, encoding, limits);
    default:
      return assertNever(format);
  }
}

/**
 * Reads a whole file once, importing nothing: settles its encoding (a text file that is not UTF-8 is read
 * again in the code page detected), inspects a workbook for bombs, and finds its columns and rows. Every
 * refusal of the file (`ImportFileError`) happens here, before a single row is imported.
 */
export async function scanFile(
  format: ImportFormatName,
  path: string,
  requested: ImportEncoding | null,
  limits: ImportLimits,
  onRow?: (rows: number) => void,
): Promise<ScannedFile> {
  const count = async (reader: RecordReader) => {
    const columns = new Set<string>();
    let totalRows = 0;
    let lastRow = 0;
    for await (const record of reader.records()) {
      for (const cell of record.cells) {
        if (columns.has(cell.column)) continue;
        columns.add(cell.column);
        if (columns.size > MAX_DISTINCT_COLUMNS)
          throw new ImportFileError(`The file has more than ${MAX_DISTINCT_COLUMNS} different columns`);
      }
      totalRows += 1;
      lastRow = record.row;
      if (totalRows % 10_000 === 0) onRow?.(totalRows);
    }
    return { columns: [...new Set([...reader.header, ...columns])], columnsWithData: columns, totalRows, lastRow };
  };
  switch (format) {
    case 'CSV':
    case 'OUTLOOK_CSV':
    case 'VCARD': {
      const { result, encoding } = await readInTextEncoding(path, requested, (candidate) =>
        count(recordReader(format, path, candidate, limits)),
      );
      return { ...result, encoding };
    }
    case 'XML_SPREADSHEET':
    case 'XML': {
      const encoding = await xmlEncoding(path, requested);
      return { ...(await count(recordReader(format, path, encoding, limits))), encoding };
    }
    case 'XLSX':
      return { ...(await count(recordReader(format, path, null, limits))), encoding: null };
    default:
      return assertNever(format);
  }
}
