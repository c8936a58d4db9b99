import type { ImportJobEvent } from '../../../events';
import { ValidationError } from '../../../src/domain/errors';
import type { ImportJobOptions } from '../../../src/domain/import/import-job.commands';
import { importJobDecider } from '../../../src/domain/import/import-job.decider';
import { ImportJobNotFoundError } from '../../../src/domain/import/import-job-not-found.error';
import { deciderSpec } from '../../support/decider-spec';

const JOB = '01930000-0000-7000-8000-000000000001';
const USER = '01930000-0000-7000-8000-000000000002';
const UPLOAD = '6f1c2b7e-1d4a-4c43-9f0e-2b5a8c9d0e1f';
const spec = deciderSpec(importJobDecider);
const options: ImportJobOptions = {
  entity: 'CONTACT',
  format: 'CSV',
  fileName: 'kontakty.csv',
  uploadId: UPLOAD,
  mapping: [],
  duplicates: 'SKIP',
  dryRun: false,
  createMissingAccounts: false,
  encoding: null,
};
const queue = (changes: Partial<ImportJobOptions> = {}) =>
  ({ type: 'QueueImportJob', jobId: JOB, requestedBy: USER, options: { ...options, ...changes }, runner: 'host:1:a' }) as const;
const queued: ImportJobEvent[] = spec.given([]).when(queue()).events();
const started: ImportJobEvent = { type: 'ImportJobStarted', schemaVersion: 1, data: { jobId: JOB, runner: 'host:1:a' } };
const parsed: ImportJobEvent = {
  type: 'ImportFileParsed',
  schemaVersion: 1,
  data: { jobId: JOB, totalRows: 3, encoding: 'utf-8', columns: [], unmappedColumns: [] },
};
const failed: ImportJobEvent = { type: 'ImportJobFailed', schemaVersion: 1, data: { jobId: JOB, reason: 'interrupted' } };
const completed: ImportJobEvent = { type: 'ImportJobCompleted', schemaVersion: 1, data: { jobId: JOB } };

describe('import job decider', () => {
  it('queues a job with its options, the encoding normalized', () => {
    const [event] = spec
      .given([])
      .when(queue({ encoding: 'CP1250' }))
      .events();
    expect(event).toMatchObject({
      type: 'ImportJobQueued',
      data: { jobId: JOB, requestedBy: USER, encoding: 'windows-1250', entity: 'CONTACT' },
    });
  });

  it.each([
    ['an encoding it cannot read', { encoding: 'ebcdic' }, 'encoding'],
    ['a field the entity does not have', { mapping: [{ column: 'Salary', field: 'salary' }] }, 'mapping[0].field'],
    [
      'a column mapped twice',
      {
        mapping: [
          { column: 'A', field: 'email' },
          { column: 'A', field: 'phone' },
        ],
      },
      'mapping[1].column',
    ],
    ['creating accounts for an account import', { entity: 'ACCOUNT', createMissingAccounts: true }, 'createMissingAccounts'],
    ['an upload id that is none', { uploadId: '../../etc/passwd' }, 'uploadId'],
  ] as const)('refuses %s', (_case, changes, field) => {
    spec.given([]).when(queue(changes)).thenThrows(ValidationError, { field });
  });

  it('starts a queued job (PARSING), then accepts its file (IMPORTING)', () => {
    spec
      .given(queued)
      .when({ type: 'StartImportJob', jobId: JOB, runner: 'host:1:b' })
      .then([{ ...started, data: { jobId: JOB, runner: 'host:1:b' } }]);
    spec
      .given([...queued, started])
      .when({ type: 'RecordParsedFile', jobId: JOB, totalRows: 3, encoding: 'utf-8', columns: [], unmappedColumns: [] })
      .then([parsed]);
  });

  it('records a batch as its rejected rows and what it skipped', () => {
    const events = spec
      .given([...queued, started, parsed])
      .when({
        type: 'RecordProcessedRows',
        jobId: JOB,
        lastRow: 3,
        skipped: 1,
        dryRunCreated: 0,
        dryRunUpdated: 0,
        rejected: [{ row: 2, problems: [] }],
      })
      .events();
    expect(events.map((event) => event.type)).toEqual(['ImportRowRejected', 'ImportRowsProcessed']);
  });

  it('records nothing for a batch whose rows all wrote records (their own events count them)', () => {
    spec
      .given([...queued, started, parsed])
      .when({ type: 'RecordProcessedRows', jobId: JOB, lastRow: 3, skipped: 0, dryRunCreated: 0, dryRunUpdated: 0, rejected: [] })
      .then([]);
  });

  it('refuses to record rows before the file is accepted', () => {
    spec
      .given([...queued, started])
      .when({ type: 'RecordProcessedRows', jobId: JOB, lastRow: 3, skipped: 1, dryRunCreated: 0, dryRunUpdated: 0, rejected: [] })
      .thenThrows(ValidationError, { field: 'id' });
  });

  it('fails an unfinished job once: failing it again changes nothing', () => {
    spec
      .given([...queued, started])
      .when({ type: 'FailImportJob', jobId: JOB, reason: 'interrupted' })
      .then([failed]);
    spec
      .given([...queued, started, failed])
      .when({ type: 'FailImportJob', jobId: JOB, reason: 'again' })
      .then([]);
  });

  it('runs a failed job again, and only a failed one', () => {
    spec
      .given([...queued, failed])
      .when({ type: 'RetryImportJob', jobId: JOB, runner: 'r' })
      .events();
    spec
      .given([...queued, started, parsed, completed])
      .when({ type: 'RetryImportJob', jobId: JOB, runner: 'r' })
      .thenThrows(ValidationError, { field: 'id' });
  });

  it('answers NOT_FOUND for a job that does not exist', () => {
    spec.given([]).when({ type: 'RetryImportJob', jobId: JOB, runner: 'r' }).thenThrows(ImportJobNotFoundError, { code: 'NOT_FOUND' });
  });
});
