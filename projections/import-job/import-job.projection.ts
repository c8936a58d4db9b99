import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { RecordedEvent } from '../../events';
import { importedRowOf } from '../../events/import.events';
import { defineProjection } from '../projection';
import type { ReadModels } from '../read-models';
import { createImportJobIndexes, createImportJobTables, type ImportJobsTable } from './import-job.table';

type Counted = 'created_count' | 'updated_count';

/**
 * Import jobs and their rejected rows. A job's created and updated counts follow the records' own events:
 * an account or contact event counts when it was written by the main command of a row of that job
 * (correlation = the job, causation = `<job>:<row>`), once per command, and only for the job's entity.
 */
export const importJobProjection = defineProjection({
  name: 'import_jobs',
  version: 1,
  tables: ['import_jobs', 'import_row_errors'],
  createTables: createImportJobTables,
  createIndexes: createImportJobIndexes,
  handlers: {
    ImportJobQueued: async (_rows, event, db) => {
      const data = event.data;
      await db
        .insertInto('import_jobs')
        .values({
          id: data.jobId,
          entity: data.entity,
          format: data.format,
          file_name: data.fileName,
          upload_id: data.uploadId,
          status: 'QUEUED',
          dry_run: data.dryRun ? 1 : 0,
          duplicates: data.duplicates,
          create_missing_accounts: data.createMissingAccounts ? 1 : 0,
          encoding: data.encoding,
          requested_by: data.requestedBy,
          runner: data.runner,
          total_rows: null,
          processed_rows: 0,
          created_count: 0,
          updated_count: 0,
          skipped_count: 0,
          error_count: 0,
          columns: '[]',
          unmapped_columns: '[]',
          failure_reason: null,
          started_at: event.recordedAt,
          completed_at: null,
          modified_at: event.recordedAt,
          version: event.streamVersion,
          last_counted_command: null,
        })
        .execute();
    },
    ImportJobStarted: (_rows, event, db) => touch(db, event, { status: 'PARSING', runner: event.data.runner }),
    ImportFileParsed: (_rows, event, db) =>
      touch(db, event, {
        status: 'IMPORTING',
        total_rows: event.data.totalRows,
        encoding: event.data.encoding,
        columns: JSON.stringify(event.data.columns),
        unmapped_columns: JSON.stringify(event.data.unmappedColumns),
      }),
    ImportRowsProcessed: async (_rows, event, db) => {
      const { jobId, skipped, dryRunCreated, dryRunUpdated } = event.data;
      await db
        .updateTable('import_jobs')
        .set((eb) => ({
          skipped_count: eb('skipped_count', '+', skipped),
          created_count: eb('created_count', '+', dryRunCreated),
          updated_count: eb('updated_count', '+', dryRunUpdated),
          processed_rows: eb('processed_rows', '+', skipped + dryRunCreated + dryRunUpdated),
          modified_at: event.recordedAt,
          version: event.streamVersion,
        }))
        .where('id', '=', jobId)
        .execute();
    },
    ImportRowRejected: async (_rows, event, db) => {
      const { jobId, row, problems } = event.data;
      if (problems.length > 0) {
        await db
          .insertInto('import_row_errors')
          .values(
            problems.map((problem, ordinal) => ({
              id: `${jobId}:${row}:${ordinal}`,
              job_id: jobId,
              row,
              ordinal,
              column_name: problem.column,
              field: problem.field,
              message: problem.message,
            })),
          )
          .execute();
      }
      await db
        .updateTable('import_jobs')
        .set((eb) => ({
          error_count: eb('error_count', '+', 1),
          processed_rows: eb('processed_rows', '+', 1),
          modified_at: event.recordedAt,
          version: event.streamVersion,
        }))
        .where('id', '=', jobId)
        .execute();
    },
    ImportJobCompleted: (_rows, event, db) => touch(db, event, { status: 'COMPLETED', completed_at: event.recordedAt }),
    ImportJobFailed: (_rows, event, db) =>
      touch(db, event, { status: 'FAILED', completed_at: event.recordedAt, failure_reason: event.data.reason }),
    // A re-run looks at skipped and rejected rows afresh; rows imported by earlier runs keep their counts
    // (in a dry run nothing was imported, so every count starts again).
    ImportJobRetried: async (_rows, event, db) => {
      const { jobId, runner } = event.data;
      await db.deleteFrom('import_row_errors').where('job_id', '=', jobId).execute();
      await db
        .updateTable('import_jobs')
        .set((eb) => ({
          status: 'QUEUED',
          runner,
          skipped_count: 0,
          error_count: 0,
          created_count: eb.case().when('dry_run', '=', 1).then(0).else(eb.ref('created_count')).end(),
          updated_count: eb.case().when('dry_run', '=', 1).then(0).else(eb.ref('updated_count')).end(),
          processed_rows: eb
            .case()
            .when('dry_run', '=', 1)
            .then(0)
            .else(sql<number>`created_count + updated_count`)
            .end(),
          failure_reason: null,
          completed_at: null,
          modified_at: event.recordedAt,
          version: event.streamVersion,
        }))
        .where('id', '=', jobId)
        .execute();
    },
    AccountCreated: (_rows, event, db) => countImported(db, event, 'ACCOUNT', 'created_count'),
    AccountUpdated: (_rows, event, db) => countImported(db, event, 'ACCOUNT', 'updated_count'),
    ContactCreated: (_rows, event, db) => countImported(db, event, 'CONTACT', 'created_count'),
    ContactUpdated: (_rows, event, db) => countImported(db, event, 'CONTACT', 'updated_count'),
    // A contact created in an account writes ContactCreated then this event in one command: counted once, as created.
    ContactAssociatedWithAccount: (_rows, event, db) => countImported(db, event, 'CONTACT', 'updated_count'),
  },
});

type ImportJobChanges = Partial<Omit<ImportJobsTable, 'id' | 'modified_at' | 'version'>>;

async function touch(
  db: Kysely<ReadModels>,
  event: RecordedEvent & { readonly data: { readonly jobId: string } },
  changes: ImportJobChanges,
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ ...changes, modified_at: event.recordedAt, version: event.streamVersion })
    .where('id', '=', event.data.jobId)
    .execute();
}

/**
 * Counts a row imported by `event`'s command, unless the event is not a row's main command or its command was
 * counted already. One statement per imported row, written as SQL (both databases run it in the tests) and
 * compiled once per database handle and column: building and compiling it per row showed in the import's profile.
 */
async function countImported(db: Kysely<ReadModels>, event: RecordedEvent, entity: 'ACCOUNT' | 'CONTACT', column: Counted): Promise<void> {
  const { source, correlationId, causationId, commandId } = event.metadata;
  if (source !== 'import' || importedRowOf(correlationId, causationId) === null) return;
  const parameters = [commandId, event.recordedAt, correlationId, entity, commandId];
  let statements = countStatements.get(db);
  if (!statements) countStatements.set(db, (statements = new Map<Counted, string>()));
  let text = statements.get(column);
  if (text === undefined) {
    const [counted, recordedAt, jobId, kind, command] = parameters;
    text = sql`update ${sql.table('import_jobs')} set ${sql.ref(column)} = ${sql.ref(column)} + 1, processed_rows = processed_rows + 1,
    last_counted_command = ${counted}, modified_at = ${recordedAt}
    where id = ${jobId} and entity = ${kind} and (last_counted_command is null or last_counted_command <> ${command})`.compile(db).sql;
    statements.set(column, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, parameters));
}

/** The counting statement's SQL per database handle (the writer's for inline projections, a transaction's for catch-up) and column. */
const countStatements = new WeakMap<Kysely<ReadModels>, Map<Counted, string>>();
