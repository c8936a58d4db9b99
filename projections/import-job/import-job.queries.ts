import type { Kysely, Selectable } from 'kysely';
import { afterCursor, decodeCursor, toPage, type Ordering, type Page } from '../pagination';
import type { ReadModels } from '../read-models';
import type { ImportJobsTable, ImportRowErrorsTable } from './import-job.table';

export type ImportJobRow = Selectable<ImportJobsTable>;
export type ImportRowErrorRow = Selectable<ImportRowErrorsTable>;

/** Jobs newest first. */
export const IMPORT_JOB_ORDERING: Ordering<Extract<keyof ImportJobsTable, string>> = {
  key: 'STARTED_DESC',
  columns: ['started_at', 'id'],
  direction: 'desc',
};

/** A job's problems in row order, then in the order each row listed them. */
export const IMPORT_ROW_ERROR_ORDERING: Ordering<Extract<keyof ImportRowErrorsTable, string>> = {
  key: 'ROW_ASC',
  columns: ['row', 'ordinal', 'id'],
  direction: 'asc',
};

export async function importJobsByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<ImportJobRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('import_jobs').selectAll().where('id', 'in', ids).execute();
}

export async function listImportJobs(
  db: Kysely<ReadModels>,
  request: { first: number; after?: string | null },
): Promise<Page<ImportJobRow>> {
  let query = db.selectFrom('import_jobs').selectAll();
  if (request.after) query = query.where(afterCursor(IMPORT_JOB_ORDERING, decodeCursor(IMPORT_JOB_ORDERING, request.after)));
  for (const column of IMPORT_JOB_ORDERING.columns) query = query.orderBy(column, IMPORT_JOB_ORDERING.direction);
  return toPage(await query.limit(request.first + 1).execute(), request.first);
}

export async function countImportJobs(db: Kysely<ReadModels>): Promise<number> {
  const row = await db
    .selectFrom('import_jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Jobs that have not finished: queued, parsing or importing. */
export async function unfinishedImportJobs(db: Kysely<ReadModels>): Promise<ImportJobRow[]> {
  return db.selectFrom('import_jobs').selectAll().where('status', 'in', ['QUEUED', 'PARSING', 'IMPORTING']).execute();
}

/** One job's problems after a cursor. */
export async function listImportRowErrors(
  db: Kysely<ReadModels>,
  jobId: string,
  request: { first: number; after?: string | null },
): Promise<Page<ImportRowErrorRow>> {
  let query = db.selectFrom('import_row_errors').selectAll().where('job_id', '=', jobId);
  if (request.after) query = query.where(afterCursor(IMPORT_ROW_ERROR_ORDERING, decodeCursor(IMPORT_ROW_ERROR_ORDERING, request.after)));
  for (const column of IMPORT_ROW_ERROR_ORDERING.columns) query = query.orderBy(column, IMPORT_ROW_ERROR_ORDERING.direction);
  return toPage(await query.limit(request.first + 1).execute(), request.first);
}

/**
 * The first `first` problems of each of several jobs, in one statement: a window function numbers each job's
 * problems, so a page of jobs with their errors costs the same whatever its size.
 */
export async function importRowErrorsOfJobs(
  db: Kysely<ReadModels>,
  jobIds: readonly string[],
  first: number,
): Promise<Map<string, Page<ImportRowErrorRow>>> {
  const pages = new Map<string, Page<ImportRowErrorRow>>();
  if (jobIds.length === 0) return pages;
  const ranked = db
    .selectFrom('import_row_errors')
    .selectAll()
    .select((eb) =>
      eb.fn
        .agg<number>('row_number', [])
        .over((over) => over.partitionBy('job_id').orderBy('row').orderBy('ordinal').orderBy('id'))
        .as('rank'),
    )
    .where('job_id', 'in', jobIds);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('rank', '<=', first + 1)
    .orderBy('job_id')
    .orderBy('rank')
    .execute();
  const grouped = new Map<string, ImportRowErrorRow[]>();
  for (const { rank: _rank, ...row } of rows) {
    const list = grouped.get(row.job_id) ?? [];
    list.push(row);
    grouped.set(row.job_id, list);
  }
  for (const id of jobIds) pages.set(id, toPage(grouped.get(id) ?? [], first));
  return pages;
}

/** How many problems each job lists, in one statement. */
export async function countImportRowErrorsOfJobs(db: Kysely<ReadModels>, jobIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(jobIds.map((id) => [id, 0]));
  if (jobIds.length === 0) return counts;
  const rows = await db
    .selectFrom('import_row_errors')
    .select(['job_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('job_id', 'in', jobIds)
    .groupBy('job_id')
    .execute();
  for (const row of rows) counts.set(row.job_id, Number(row.count));
  return counts;
}
