/** What an import accepts, whatever the format: bounds that keep a hostile file from exhausting memory or disk. */
export interface ImportLimits {
  /** The longest cell (or vCard value, or XML text), in characters. */
  readonly maxCellChars: number;
  /** The most columns a row may have. */
  readonly maxColumns: number;
  /** An .xlsx may hold at most this many zip entries. */
  readonly maxZipEntries: number;
  /** An .xlsx entry may inflate to at most this many bytes. */
  readonly maxZipEntryBytes: number;
  /** All entries of an .xlsx together may inflate to at most this many bytes. */
  readonly maxZipTotalBytes: number;
  /** An .xlsx entry larger than 1 MiB may inflate to at most this many times its compressed size (zip bombs reach thousands). */
  readonly maxZipRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxCellChars: 1 << 20,
  maxColumns: 2000,
  maxZipEntries: 5000,
  maxZipEntryBytes: 1 << 30,
  maxZipTotalBytes: 2 * (1 << 30),
  maxZipRatio: 200,
};
