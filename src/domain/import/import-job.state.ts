import type { ImportEntityName, ImportJobEvent } from '../../../events/import.events';
import { assertNever } from '../../shared/assert-never';

/** Where a job is: QUEUED → PARSING (the file is read through) → IMPORTING → COMPLETED, or FAILED from any of them. */
export type ImportJobStatus = 'QUEUED' | 'PARSING' | 'IMPORTING' | 'COMPLETED' | 'FAILED';

export type ImportJobState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly jobId: string;
      readonly status: ImportJobStatus;
      readonly entity: ImportEntityName;
      readonly dryRun: boolean;
      readonly requestedBy: string;
      /** How many times the job was started (1 for the first run). */
      readonly runs: number;
    };

export const initialImportJobState: ImportJobState = { exists: false };

export function evolveImportJob(state: ImportJobState, event: ImportJobEvent): ImportJobState {
  switch (event.type) {
    case 'ImportJobQueued':
      return {
        exists: true,
        jobId: event.data.jobId,
        status: 'QUEUED',
        entity: event.data.entity,
        dryRun: event.data.dryRun,
        requestedBy: event.data.requestedBy,
        runs: 0,
      };
    case 'ImportJobStarted':
      return state.exists ? { ...state, status: 'PARSING', runs: state.runs + 1 } : state;
    case 'ImportFileParsed':
      return state.exists ? { ...state, status: 'IMPORTING' } : state;
    case 'ImportRowsProcessed':
    case 'ImportRowRejected':
      return state;
    case 'ImportJobCompleted':
      return state.exists ? { ...state, status: 'COMPLETED' } : state;
    case 'ImportJobFailed':
      return state.exists ? { ...state, status: 'FAILED' } : state;
    case 'ImportJobRetried':
      return state.exists ? { ...state, status: 'QUEUED' } : state;
    default:
      return assertNever(event);
  }
}
