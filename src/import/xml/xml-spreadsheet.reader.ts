import type { ImportEncoding } from '../../domain/import/import-encodings';
import { ColumnNames } from '../column-names';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { CellValue, RecordReader, SourceCell, SourceRecord } from '../source-record';
import { attribute, localName, readXml, xmlEncoding } from './xml-document';

interface PendingCell {
  readonly index: number;
  type: string;
  text: string;
}

/**
 * Reads the first worksheet of an XML Spreadsheet 2003 file (Excel's "XML Spreadsheet"): rows and cells with
 * `ss:Index` (sparse rows and cells), `ss:MergeAcross`, typed data (`ss:Type` Number, DateTime, Boolean,
 * String, Error) and formatted text (the text of `<B>`, `<Font>`… inside a cell's data, joined). Comments are
 * not cell text. The first row is the header; rows keep their spreadsheet numbers.
 */
export class XmlSpreadsheetReader implements RecordReader {
  encoding: ImportEncoding | null = null;
  header: readonly string[] = [];

  constructor(
    private readonly path: string,
    private readonly requested: ImportEncoding | null,
    private readonly limits: ImportLimits,
  ) {}

  async *records(): AsyncGenerator<SourceRecord> {
    this.encoding = await xmlEncoding(this.path, this.requested);
    const limits = this.limits;
    const setHeader = (names: ColumnNames) => (this.header = Array.from({ length: names.count }, (_, index) => names.at(index)));
    yield* readXml<SourceRecord>(this.path, this.encoding, limits, (parser, emit) => {
      let worksheets = 0;
      let inTable = false;
      let comment = 0;
      let rowNumber = 0;
      let cellIndex = 0;
      let rowCells: { index: number; value: CellValue }[] | null = null;
      let cell: PendingCell | null = null;
      let inData = false;
      let names: ColumnNames | null = null;
      parser.on('opentag', (tag) => {
        const name = localName(tag.name);
        if (name === 'Worksheet') worksheets += 1;
        if (worksheets !== 1) return;
        if (name === 'Table') inTable = true;
        else if (!inTable) return;
        else if (name === 'Row') {
          rowNumber = indexAttribute(tag.attributes, rowNumber + 1, 'row');
          cellIndex = 0;
          rowCells = [];
        } else if (name === 'Cell' && rowCells) {
          cellIndex = indexAttribute(tag.attributes, cellIndex + 1, 'cell');
          if (cellIndex > limits.maxColumns) throw new ImportFileError(`Row ${rowNumber} has more than ${limits.maxColumns} columns`);
          cell = { index: cellIndex, type: 'String', text: '' };
          cellIndex += Number(attribute(tag.attributes, 'MergeAcross') ?? 0) || 0;
        } else if (name === 'Comment') comment += 1;
        else if (name === 'Data' && cell && comment === 0) {
          inData = true;
          cell.text = '';
          cell.type = attribute(tag.attributes, 'Type') ?? 'String';
        }
      });
      const onText = (text: string) => {
        if (inData && cell && comment === 0) cell.text += text;
      };
      parser.on('text', onText);
      parser.on('cdata', onText);
      parser.on('closetag', (tag) => {
        const name = localName(tag.name);
        if (worksheets !== 1 || !inTable) return;
        if (name === 'Comment') comment -= 1;
        else if (name === 'Data' && comment === 0) inData = false;
        else if (name === 'Cell' && cell && rowCells) {
          const value = typedValue(cell);
          if (value !== null) rowCells.push({ index: cell.index, value });
          cell = null;
        } else if (name === 'Row' && rowCells) {
          if (names === null) {
            const headers: string[] = [];
            for (const { index, value } of rowCells) headers[index - 1] = value instanceof Date ? value.toISOString() : String(value);
            names = new ColumnNames(Array.from(headers, (header) => header ?? ''));
            setHeader(names);
          } else if (rowCells.length > 0) {
            const cells: SourceCell[] = rowCells.map(({ index, value }) => ({ column: names!.at(index - 1), value }));
            emit({ row: rowNumber, cells });
          }
          rowCells = null;
        } else if (name === 'Table') inTable = false;
      });
    });
  }
}

/** `ss:Index` (1-based, never going back) or the next position. */
function indexAttribute(attributes: Readonly<Record<string, string>>, next: number, what: string): number {
  const given = attribute(attributes, 'Index');
  if (given === undefined) return next;
  const index = Number(given);
  if (!Number.isSafeInteger(index) || index < next)
    throw new ImportFileError(`A ${what} has an ss:Index that is not after the previous one`);
  return index;
}

function typedValue(cell: PendingCell): CellValue | null {
  const text = cell.text;
  if (text.trim() === '') return null;
  switch (cell.type) {
    case 'Number': {
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'DateTime': {
      // Excel writes local date-times without a zone: read them as they are written (UTC), so the day does not shift.
      const date = new Date(/[zZ]|[+-]\d\d:\d\d$/u.test(text) ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    case 'Boolean':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'Error':
      return null;
    default:
      return text;
  }
}
