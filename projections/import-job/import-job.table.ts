import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/**
 * One row per import job: its options, status and counts. The counts of created and updated rows come from
 * the records' own events (they carry the job as correlation), so they always match what was committed.
 */
export interface ImportJobsTable {
  id: string;
  entity: 'ACCOUNT' | 'CONTACT';
  format: string;
  file_name: string | null;
  upload_id: string;
  status: 'QUEUED' | 'PARSING' | 'IMPORTING' | 'COMPLETED' | 'FAILED';
  /** 1 for a dry run (nothing is written), 0 otherwise (an integer reads the same on SQLite and PostgreSQL). */
  dry_run: number;
  duplicates: 'SKIP' | 'UPDATE' | 'CREATE';
  create_missing_accounts: number;
  /** The encoding the file was read in (detected or requested); null for workbooks and before parsing. */
  encoding: string | null;
  requested_by: string;
  /** The process that holds the job (`host:pid:instance`), to tell an interrupted job from a running one. */
  runner: string;
  /** Rows with data in the file; null until the file has been read through. */
  total_rows: number | null;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  /** Rows rejected (each may have several problems in import_row_errors). */
  error_count: number;
  /** JSON array of `{ column, field }`: the columns that fill a field. */
  columns: string;
  /** JSON array of the columns no field takes. */
  unmapped_columns: string;
  failure_reason: string | null;
  /** When the job was queued (ISO-8601 UTC). */
  started_at: string;
  completed_at: string | null;
  modified_at: string;
  version: number;
  /** The last command counted, so a command that wrote several events counts once. */
  last_counted_command: string | null;
}

/** One problem of one rejected row (never the cell's value). */
export interface ImportRowErrorsTable {
  /** `<jobId>:<row>:<ordinal>`. */
  id: string;
  job_id: string;
  row: number;
  /** The problem's place among the row's problems (0, 1, …). */
  ordinal: number;
  column_name: string | null;
  field: string | null;
  message: string;
}

export async function createImportJobTables(db: Kysely<ReadModels>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text')
    .addColumn('upload_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('dry_run', 'integer', (col) => col.notNull())
    .addColumn('duplicates', 'text', (col) => col.notNull())
    .addColumn('create_missing_accounts', 'integer', (col) => col.notNull())
    .addColumn('encoding', 'text')
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('runner', 'text', (col) => col.notNull())
    .addColumn('total_rows', 'integer')
    .addColumn('processed_rows', 'integer', (col) => col.notNull())
    .addColumn('created_count', 'integer', (col) => col.notNull())
    .addColumn('updated_count', 'integer', (col) => col.notNull())
    .addColumn('skipped_count', 'integer', (col) => col.notNull())
    .addColumn('error_count', 'integer', (col) => col.notNull())
    .addColumn('columns', 'text', (col) => col.notNull())
    .addColumn('unmapped_columns', 'text', (col) => col.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('started_at', types.sortKey, (col) => col.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('modified_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('last_counted_command', 'text')
    .execute();
  await db.schema
    .createTable('import_row_errors')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('job_id', 'text', (col) => col.notNull())
    .addColumn('row', 'integer', (col) => col.notNull())
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('column_name', 'text')
    .addColumn('field', 'text')
    .addColumn('message', 'text', (col) => col.notNull())
    .execute();
}

/** The newest jobs first; unfinished jobs by status (the start-up sweep); a job's errors in row order. */
export async function createImportJobIndexes(db: Kysely<ReadModels>): Promise<void> {
  await db.schema.createIndex('import_jobs_started').ifNotExists().on('import_jobs').columns(['started_at', 'id']).execute();
  await db.schema.createIndex('import_jobs_status').ifNotExists().on('import_jobs').column('status').execute();
  await db.schema
    .createIndex('import_row_errors_job_row')
    .ifNotExists()
    .on('import_row_errors')
    .columns(['job_id', 'row', 'ordinal', 'id'])
    .execute();
}
