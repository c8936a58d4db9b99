import type { EventOf } from './event';

/** What an import creates or updates. */
export const IMPORT_ENTITIES = ['ACCOUNT', 'CONTACT'] as const;
export type ImportEntityName = (typeof IMPORT_ENTITIES)[number];

/** The file formats an import reads. */
export const IMPORT_FORMATS = ['CSV', 'XLSX', 'XML_SPREADSHEET', 'XML', 'VCARD', 'OUTLOOK_CSV'] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

/** What a row that matches an existing record (or an earlier row) does: nothing, change that record, or add another one. */
export const DUPLICATE_HANDLINGS = ['SKIP', 'UPDATE', 'CREATE'] as const;
export type DuplicateHandlingName = (typeof DUPLICATE_HANDLINGS)[number];

/** A column of the file and the field it fills (null: the column is ignored). */
export interface ImportColumnMappingData {
  readonly column: string;
  readonly field: string | null;
}

/** One problem of a rejected row. Never holds the cell's value: only which column (or field) and what is wrong. */
export interface ImportRowProblem {
  /** The file's column the problem is in, when the field came from one. */
  readonly column: string | null;
  /** The record field the problem is about (`name`, `address.city`), when there is one. */
  readonly field: string | null;
  readonly message: string;
}

/**
 * An import was asked for: everything needed to run it (again), and who asked. The file is an upload kept by
 * the server under `uploadId`; `runner` names the process whose queue holds the job (`host:pid:instance`).
 */
export type ImportJobQueued = EventOf<
  'ImportJobQueued',
  {
    readonly jobId: string;
    readonly requestedBy: string;
    readonly entity: ImportEntityName;
    readonly format: ImportFormatName;
    readonly fileName: string | null;
    readonly uploadId: string;
    readonly mapping: readonly ImportColumnMappingData[];
    readonly duplicates: DuplicateHandlingName;
    readonly dryRun: boolean;
    readonly createMissingAccounts: boolean;
    /** The text encoding the requester set (`windows-1250`, …); null to detect it. */
    readonly encoding: string | null;
    readonly runner: string;
  }
>;

/** A runner took the job: it reads the whole file first (status PARSING). */
export type ImportJobStarted = EventOf<'ImportJobStarted', { readonly jobId: string; readonly runner: string }>;

/** The file was read through and accepted: its rows are imported next (status IMPORTING). */
export type ImportFileParsed = EventOf<
  'ImportFileParsed',
  {
    readonly jobId: string;
    /** Rows with data (the header row and blank rows are not counted). */
    readonly totalRows: number;
    /** The text encoding the file was read in; null for a workbook (xlsx). */
    readonly encoding: string | null;
    /** Each column of the file that fills a field, in file order. */
    readonly columns: readonly ImportColumnMappingData[];
    /** Columns no field takes (their values are not imported). */
    readonly unmappedColumns: readonly string[];
  }
>;

/**
 * A batch of rows was dealt with. Rows that created or updated records are counted from those records' own
 * events (they carry the job as correlation); this event counts what left no such event: rows that changed
 * nothing (`skipped`), and in a dry run the rows that would have created or updated a record.
 */
export type ImportRowsProcessed = EventOf<
  'ImportRowsProcessed',
  {
    readonly jobId: string;
    /** The last row of the batch. */
    readonly lastRow: number;
    readonly skipped: number;
    readonly dryRunCreated: number;
    readonly dryRunUpdated: number;
  }
>;

/** A row was not imported; every problem found is listed (without the row's values). */
export type ImportRowRejected = EventOf<
  'ImportRowRejected',
  { readonly jobId: string; readonly row: number; readonly problems: readonly ImportRowProblem[] }
>;

export type ImportJobCompleted = EventOf<'ImportJobCompleted', { readonly jobId: string }>;

/** The job stopped: a refused file, or an interruption. What was imported before stays, and is counted. */
export type ImportJobFailed = EventOf<'ImportJobFailed', { readonly jobId: string; readonly reason: string }>;

/**
 * A failed job runs again (status QUEUED). Rows already imported by an earlier run are found from their events
 * and not imported twice; skipped and rejected rows are looked at afresh (their counts start again).
 */
export type ImportJobRetried = EventOf<'ImportJobRetried', { readonly jobId: string; readonly runner: string }>;

export type ImportJobEvent =
  | ImportJobQueued
  | ImportJobStarted
  | ImportFileParsed
  | ImportRowsProcessed
  | ImportRowRejected
  | ImportJobCompleted
  | ImportJobFailed
  | ImportJobRetried;

export const IMPORT_JOB_EVENT_TYPES = [
  'ImportJobQueued',
  'ImportJobStarted',
  'ImportFileParsed',
  'ImportRowsProcessed',
  'ImportRowRejected',
  'ImportJobCompleted',
  'ImportJobFailed',
  'ImportJobRetried',
] as const satisfies readonly ImportJobEvent['type'][];

/**
 * The causation id of the one command that imports a row (`<jobId>:<row>`). Helper commands of that row (an
 * account created for it, a link) carry `<jobId>:<row>:<purpose>`, so the import's counts see one command per row.
 */
export function importRowCausation(jobId: string, row: number): string {
  return `${jobId}:${row}`;
}

/** The row a causation id names when it is the main command of a row of `jobId`; null otherwise. */
export function importedRowOf(jobId: string, causationId: string | null): number | null {
  if (causationId === null || causationId.length <= jobId.length + 1 || !causationId.startsWith(jobId)) return null;
  if (causationId.charCodeAt(jobId.length) !== 58 /* ':' */) return null;
  const rest = causationId.slice(jobId.length + 1);
  return /^[1-9][0-9]{0,9}$/u.test(rest) ? Number(rest) : null;
}
