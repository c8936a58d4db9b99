import type { ImportJobQueued } from '../../../events';
import type { Crm } from '../../app/open-crm';
import type { CatchUpCheckpoint } from '../../event-store/event-store';
import { importEncodingOf } from '../../domain/import/import-encodings';
import { recordReader, scanFile } from '../format/record-reader.factory';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import { resolveColumnMapping } from '../mapping/column-mapping';
import { RowConverter, type ConvertedRow } from '../mapping/row-converter';
import { committedRows } from './committed-rows';
import type { ImportJobLifecycle } from './import-job-lifecycle';
import { RowImporter } from './row-importer';

/** Where a running job is, for progress bars. */
export interface ImportProgress {
  readonly jobId: string;
  readonly phase: 'PARSING' | 'IMPORTING';
  /** Rows read (while parsing) or dealt with (while importing). */
  readonly rows: number;
  /** Rows with data in the file, once parsed. */
  readonly totalRows: number | null;
}

export interface ImportRunOptions {
  /** Rows per batch: all of a batch's rows are in flight together, so group commit writes them in a few transactions. */
  readonly batchSize: number;
  /**
   * Batches in flight at once. On SQLite (one synchronous writer) a second batch only holds more memory; with
   * catch-up read models (PostgreSQL) the next batch is prepared while one commits.
   */
  readonly batchesInFlight: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Stops the run between batches; the job is then marked FAILED with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each batch is recorded (tests interrupt a run here). */
  readonly afterBatch?: (batch: number) => Promise<void>;
}

/** The defaults for a CRM whose read models are kept inline (SQLite) or by catch-up projectors. */
export function defaultRunOptions(projection: Crm['projection']): ImportRunOptions {
  return { batchSize: 500, batchesInFlight: projection === 'inline' ? 1 : 2 };
}

/** A job to run: its request, where its file is, and where it stands. */
export interface RunnableJob {
  readonly jobId: string;
  readonly request: ImportJobQueued['data'];
  readonly path: string;
  /** The global position of the job's first event (a re-run reads the log from there). */
  readonly queuedPosition: number;
  /** True when an earlier run may have imported rows. */
  readonly rerun: boolean;
}

/**
 * Runs one import job: reads the whole file first (PARSING: its encoding, columns and rows; a refused file
 * fails the job before anything is imported), maps its columns, then imports its rows in batches (IMPORTING)
 * and completes. Rows an earlier run imported are not imported again. A refusal of the file fails the job
 * with its reason; any other error fails it too (when the store can still record that) and is rethrown.
 * Answers how the run ended, and the checkpoint of the job's last event (read models that reached it show the end).
 */
export async function runImportJob(
  crm: Crm,
  lifecycle: ImportJobLifecycle,
  job: RunnableJob,
  runner: string,
  limits: ImportLimits,
  options: ImportRunOptions = defaultRunOptions(crm.projection),
): Promise<{ readonly status: 'COMPLETED' | 'FAILED'; readonly checkpoint: CatchUpCheckpoint | null }> {
  const { jobId, request } = job;
  await lifecycle.start(jobId, runner);
  try {
    const requested = request.encoding === null ? null : importEncodingOf(request.encoding);
    const scanned = await scanFile(request.format, job.path, requested, limits, (rows) =>
      options.onProgress?.({ jobId, phase: 'PARSING', rows, totalRows: null }),
    );
    const mapping = resolveColumnMapping(request.entity, scanned.columns, request.mapping);
    // Columns that are empty in every row fill nothing and lose nothing: they are left out of both lists.
    await lifecycle.parsed(jobId, {
      totalRows: scanned.totalRows,
      encoding: scanned.encoding,
      columns: mapping.mapped.filter((entry) => scanned.columnsWithData.has(entry.column)),
      unmappedColumns: mapping.unmapped.filter((column) => scanned.columnsWithData.has(column)),
    });
    options.onProgress?.({ jobId, phase: 'IMPORTING', rows: 0, totalRows: scanned.totalRows });
    const done = job.rerun ? await committedRows(crm.store, jobId, job.queuedPosition, scanned.lastRow) : () => false;
    const converter = new RowConverter(request.entity, mapping);
    const importer = new RowImporter(crm, {
      columnFor: (field) => converter.columnFor(field),
      jobId,
      entity: request.entity,
      duplicates: request.duplicates,
      dryRun: request.dryRun,
      createMissingAccounts: request.createMissingAccounts,
      actorId: request.requestedBy,
    });
    const reader = recordReader(request.format, job.path, scanned.encoding, limits, true);
    let processed = 0;
    let batchNumber = 0;
    let recorded: Promise<void> = Promise.resolve();
    let failure: { readonly error: unknown } | null = null;
    const inFlight = new Set<Promise<void>>();
    const dispatch = (rows: ConvertedRow[]) => {
      const number = (batchNumber += 1);
      const imported = importer.importBatch(rows, number, done);
      const previous = recorded;
      // Batches are recorded in file order, one after the other, whatever order they finish in.
      recorded = (async () => {
        const outcome = await imported;
        await previous;
        await lifecycle.processed(jobId, outcome);
        processed += rows.length;
        options.onProgress?.({ jobId, phase: 'IMPORTING', rows: processed, totalRows: scanned.totalRows });
        await options.afterBatch?.(number);
      })();
      const tracked: Promise<void> = recorded
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    };
    let batch: ConvertedRow[] = [];
    for await (const record of reader.records()) {
      batch.push(converter.convert(record));
      if (batch.length < options.batchSize) continue;
      dispatch(batch);
      batch = [];
      while (inFlight.size >= options.batchesInFlight) await Promise.race(inFlight);
      if (failure || options.signal?.aborted) break;
    }
    if (batch.length > 0 && !failure && !options.signal?.aborted) dispatch(batch);
    await Promise.all(inFlight);
    if (failure) throw (failure as { readonly error: unknown }).error;
    if (options.signal?.aborted) {
      const failed = await lifecycle.fail(jobId, abortReason(options.signal));
      return { status: 'FAILED', checkpoint: failed.checkpoint };
    }
    const completed = await lifecycle.complete(jobId);
    return { status: 'COMPLETED', checkpoint: completed.checkpoint };
  } catch (error) {
    const reason =
      error instanceof ImportFileError ? error.message : 'The import stopped on an unexpected error (see the server log); run it again';
    let checkpoint: CatchUpCheckpoint | null = null;
    try {
      checkpoint = (await lifecycle.fail(jobId, reason)).checkpoint;
    } catch {
      // The store is gone (a crash, a shutdown): the job is marked FAILED when the server starts again.
    }
    if (!(error instanceof ImportFileError)) throw error;
    return { status: 'FAILED', checkpoint };
  }
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' ? reason : 'The import was stopped before it finished; run it again';
}
