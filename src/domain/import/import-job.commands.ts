import type {
  DuplicateHandlingName,
  ImportColumnMappingData,
  ImportEntityName,
  ImportFormatName,
  ImportRowProblem,
} from '../../../events/import.events';

/** What a requester chooses for an import; checked by the decider before the job is queued. */
export interface ImportJobOptions {
  readonly entity: ImportEntityName;
  readonly format: ImportFormatName;
  readonly fileName: string | null;
  readonly uploadId: string;
  readonly mapping: readonly ImportColumnMappingData[];
  readonly duplicates: DuplicateHandlingName;
  readonly dryRun: boolean;
  readonly createMissingAccounts: boolean;
  readonly encoding: string | null;
}

/** A rejected row as a batch reports it. */
export interface RejectedRow {
  readonly row: number;
  readonly problems: readonly ImportRowProblem[];
}

export type ImportJobCommand =
  | {
      readonly type: 'QueueImportJob';
      readonly jobId: string;
      readonly requestedBy: string;
      readonly options: ImportJobOptions;
      readonly runner: string;
    }
  | { readonly type: 'StartImportJob'; readonly jobId: string; readonly runner: string }
  | {
      readonly type: 'RecordParsedFile';
      readonly jobId: string;
      readonly totalRows: number;
      readonly encoding: string | null;
      readonly columns: readonly ImportColumnMappingData[];
      readonly unmappedColumns: readonly string[];
    }
  | {
      readonly type: 'RecordProcessedRows';
      readonly jobId: string;
      readonly lastRow: number;
      readonly skipped: number;
      readonly dryRunCreated: number;
      readonly dryRunUpdated: number;
      readonly rejected: readonly RejectedRow[];
    }
  | { readonly type: 'CompleteImportJob'; readonly jobId: string }
  | { readonly type: 'FailImportJob'; readonly jobId: string; readonly reason: string }
  | { readonly type: 'RetryImportJob'; readonly jobId: string; readonly runner: string };
