import {
  DUPLICATE_HANDLINGS,
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  type ImportColumnMappingData,
  type ImportJobEvent,
} from '../../../events/import.events';
import { assertNever } from '../../shared/assert-never';
import { isUuid } from '../../shared/ids';
import type { Decider } from '../decider';
import { ValidationError } from '../errors';
import { InputCheck } from '../validation';
import { importEncodingOf } from './import-encodings';
import { importFieldsOf } from './import-fields';
import { ImportJobNotFoundError } from './import-job-not-found.error';
import type { ImportJobCommand, ImportJobOptions } from './import-job.commands';
import { evolveImportJob, initialImportJobState, type ImportJobState, type ImportJobStatus } from './import-job.state';

/** At most this many columns may be mapped by hand. */
const MAX_MAPPED_COLUMNS = 500;
const MAX_COLUMN_NAME = 200;
const MAX_REASON = 2000;

/** The lifecycle of one import job: queued, started, the file accepted, batches of rows, completed or failed; a failed one may run again. */
export const importJobDecider: Decider<ImportJobCommand, ImportJobState, ImportJobEvent> = {
  initialState: initialImportJobState,
  evolve: evolveImportJob,
  decide(command, state) {
    switch (command.type) {
      case 'QueueImportJob': {
        if (state.exists) throw ValidationError.of('id', `Import job ${command.jobId} already exists`);
        const options = checkOptions(command.options);
        return [
          {
            type: 'ImportJobQueued',
            schemaVersion: 1,
            data: { jobId: command.jobId, requestedBy: command.requestedBy, ...options, runner: command.runner },
          },
        ];
      }
      case 'StartImportJob':
        requireStatus(state, command.jobId, ['QUEUED'], 'start');
        return [{ type: 'ImportJobStarted', schemaVersion: 1, data: { jobId: command.jobId, runner: command.runner } }];
      case 'RecordParsedFile':
        requireStatus(state, command.jobId, ['PARSING'], 'accept the file of');
        return [
          {
            type: 'ImportFileParsed',
            schemaVersion: 1,
            data: {
              jobId: command.jobId,
              totalRows: command.totalRows,
              encoding: command.encoding,
              columns: command.columns,
              unmappedColumns: command.unmappedColumns,
            },
          },
        ];
      case 'RecordProcessedRows': {
        requireStatus(state, command.jobId, ['IMPORTING'], 'record rows of');
        const events: ImportJobEvent[] = command.rejected.map((rejected) => ({
          type: 'ImportRowRejected',
          schemaVersion: 1,
          data: { jobId: command.jobId, row: rejected.row, problems: rejected.problems },
        }));
        if (command.skipped > 0 || command.dryRunCreated > 0 || command.dryRunUpdated > 0) {
          events.push({
            type: 'ImportRowsProcessed',
            schemaVersion: 1,
            data: {
              jobId: command.jobId,
              lastRow: command.lastRow,
              skipped: command.skipped,
              dryRunCreated: command.dryRunCreated,
              dryRunUpdated: command.dryRunUpdated,
            },
          });
        }
        return events;
      }
      case 'CompleteImportJob':
        requireStatus(state, command.jobId, ['IMPORTING'], 'complete');
        return [{ type: 'ImportJobCompleted', schemaVersion: 1, data: { jobId: command.jobId } }];
      case 'FailImportJob': {
        const job = requireExisting(state, command.jobId);
        if (job.status === 'COMPLETED' || job.status === 'FAILED') return [];
        const check = new InputCheck();
        const reason = check.required('reason', command.reason.slice(0, MAX_REASON), { max: MAX_REASON, multiline: true });
        check.done();
        return [{ type: 'ImportJobFailed', schemaVersion: 1, data: { jobId: command.jobId, reason } }];
      }
      case 'RetryImportJob':
        requireStatus(state, command.jobId, ['FAILED'], 'run again');
        return [{ type: 'ImportJobRetried', schemaVersion: 1, data: { jobId: command.jobId, runner: command.runner } }];
      default:
        return assertNever(command);
    }
  },
};

type ExistingJob = Extract<ImportJobState, { exists: true }>;

function requireExisting(state: ImportJobState, jobId: string): ExistingJob {
  if (!state.exists) throw new ImportJobNotFoundError(jobId);
  return state;
}

function requireStatus(state: ImportJobState, jobId: string, allowed: readonly ImportJobStatus[], action: string): ExistingJob {
  const job = requireExisting(state, jobId);
  if (!allowed.includes(job.status))
    throw ValidationError.of('id', `cannot ${action} import job ${jobId}: it is ${job.status} (must be ${allowed.join(' or ')})`);
  return job;
}

/** Every problem with the requested options at once; the options as they are recorded (trimmed, encoding normalized). */
function checkOptions(options: ImportJobOptions): ImportJobOptions {
  const check = new InputCheck();
  if (!IMPORT_ENTITIES.includes(options.entity)) check.fail('entity', `must be one of ${IMPORT_ENTITIES.join(', ')}`);
  if (!IMPORT_FORMATS.includes(options.format)) check.fail('format', `must be one of ${IMPORT_FORMATS.join(', ')}`);
  if (!DUPLICATE_HANDLINGS.includes(options.duplicates)) check.fail('duplicates', `must be one of ${DUPLICATE_HANDLINGS.join(', ')}`);
  if (!isUuid(options.uploadId)) check.fail('uploadId', 'is not an upload id');
  const fileName = check.text('fileName', options.fileName, { max: 255 }) ?? null;
  let encoding: string | null = null;
  if (options.encoding !== null && options.encoding.trim() !== '') {
    encoding = importEncodingOf(options.encoding);
    if (encoding === null) check.fail('encoding', 'is not an encoding an import reads (utf-8, utf-16le, windows-1250, windows-1252, …)');
  }
  if (options.createMissingAccounts && options.entity !== 'CONTACT')
    check.fail('createMissingAccounts', 'applies to contact imports only (contacts link to accounts)');
  const mapping = checkMapping(check, options.entity, options.mapping);
  check.done();
  return { ...options, fileName, encoding, mapping };
}

function checkMapping(check: InputCheck, entity: ImportJobOptions['entity'], mapping: readonly ImportColumnMappingData[]) {
  if (mapping.length > MAX_MAPPED_COLUMNS) {
    check.fail('mapping', `may name at most ${MAX_MAPPED_COLUMNS} columns`);
    return [];
  }
  const fields = new Set(importFieldsOf(entity).map((field) => field.name));
  const seen = new Set<string>();
  const checked: ImportColumnMappingData[] = [];
  mapping.forEach((entry, index) => {
    const column = check.required(`mapping[${index}].column`, entry.column, { max: MAX_COLUMN_NAME });
    if (column && seen.has(column)) check.fail(`mapping[${index}].column`, 'is mapped twice');
    seen.add(column);
    const field = entry.field === null || entry.field.trim() === '' ? null : entry.field.trim();
    if (field !== null && !fields.has(field))
      check.fail(
        `mapping[${index}].field`,
        `is not a field of a${entity === 'ACCOUNT' ? 'n account' : ' contact'} (${[...fields].join(', ')})`,
      );
    checked.push({ column, field });
  });
  return checked;
}
