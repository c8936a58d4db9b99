import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { ColumnNames } from '../column-names';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import type { CellValue, RecordReader, SourceCell, SourceRecord } from '../source-record';
import { inspectXlsxZip } from './xlsx-zip.inspector';

/**
 * Reads the first worksheet of an .xlsx workbook with exceljs's streaming reader (shared strings and styles
 * cached, so a date cell is a date and a text cell its text), after the zip has been inspected for bombs. The
 * first row is the header; rows keep their spreadsheet numbers; blank rows are left out.
 */
export class XlsxReader implements RecordReader {
  header: readonly string[] = [];

  constructor(
    private readonly path: string,
    private readonly limits: ImportLimits,
    /** False when the same file was inspected already (the second pass of a job). */
    private readonly inspect = true,
  ) {}

  async *records(): AsyncGenerator<SourceRecord> {
    if (this.inspect) await inspectXlsxZip(this.path, this.limits);
    // Loaded only to read a workbook: exceljs would add about 30 MB to every process, importing or not.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const excel = require('exceljs') as typeof ExcelJS;
    const input = createReadStream(this.path);
    const workbook = new excel.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    try {
      for await (const worksheet of workbook) {
        let names: ColumnNames | null = null;
        for await (const row of worksheet) {
          const values = row.values as readonly ExcelJS.CellValue[];
          if (values.length - 1 > this.limits.maxColumns)
            throw new ImportFileError(`Row ${row.number} has ${values.length - 1} columns; at most ${this.limits.maxColumns} are read`);
          if (names === null) {
            names = new ColumnNames(Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => textOf(values[index + 1])));
            this.header = Array.from({ length: names.count }, (_, index) => names!.at(index));
            continue;
          }
          const cells: SourceCell[] = [];
          for (let index = 1; index < values.length; index += 1) {
            const value = cellValue(values[index]);
            if (value === null) continue;
            if (typeof value === 'string' && value.length > this.limits.maxCellChars)
              throw new ImportFileError(
                `Row ${row.number}: a cell is longer than ${this.limits.maxCellChars} characters; the file is refused`,
              );
            cells.push({ column: names.at(index - 1), value });
          }
          if (cells.length > 0) yield { row: row.number, cells };
        }
        // Only the first worksheet is imported.
        break;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(`The workbook cannot be read (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      // Stopping after the first worksheet leaves the zip stream half read: close the file.
      input.destroy();
    }
  }
}

/** A cell as text for a header. */
function textOf(value: ExcelJS.CellValue | undefined): string {
  const cell = cellValue(value);
  if (cell === null) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/** What a workbook cell holds, as an import reads it: rich text joined, a formula's result, hyperlinks' text; errors and blanks are empty. */
function cellValue(value: ExcelJS.CellValue | undefined): CellValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value && 'hyperlink' in value) return cellValue(value.text);
  return null;
}
