/** A cell's value as the file holds it: text, or a typed value from a workbook (number, date, yes/no). */
export type CellValue = string | number | boolean | Date;

/** One non-empty cell of a row: the column it is in (its header, unique within the file) and its value. */
export interface SourceCell {
  readonly column: string;
  readonly value: CellValue;
}

/**
 * One row (or record, or card) of a file. `row` is what a person looking at the file would call it: the
 * spreadsheet row for CSV and workbooks (the header is row 1), the record's or card's place (1, 2, …) for
 * record XML and vCard. Empty cells are left out.
 */
export interface SourceRecord {
  readonly row: number;
  readonly cells: readonly SourceCell[];
  /** What could not be read in this row (it is rejected with these reasons); absent when everything was read. */
  readonly problems?: readonly string[];
}

/** Reads the records of one file, in order; throws `ImportFileError` when it refuses the file. */
export interface RecordReader {
  records(): AsyncGenerator<SourceRecord>;
  /** The header's columns, in order, once the header row has been read (tabular files; empty for the others). */
  readonly header: readonly string[];
}
