import type { DuplicateHandlingName, ImportColumnMappingData, ImportEntityName, ImportFormatName } from '../../../events';
import { SYSTEM_ACTOR_ID } from '../../../events';
import { unfinishedImportJobs } from '../../../projections/import-job/import-job.queries';
import type { Crm } from '../../app/open-crm';
import type { CatchUpCheckpoint } from '../../event-store/event-store';
import { ValidationError } from '../../domain/errors';
import { ImportJobNotFoundError } from '../../domain/import/import-job-not-found.error';
import { detectFormat } from '../format/format.detector';
import { ImportFileError } from '../import-file.error';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../import.limits';
import type { UploadStore } from '../uploads/upload-store';
import { ImportJobLifecycle, queuedImportJob } from './import-job-lifecycle';
import { defaultRunOptions, runImportJob, type ImportRunOptions } from './import-runner';
import { newRunnerId, registerLiveRunner, runnerMayBeAlive } from './runner-identity';

/** What a client asks for (startImport's input, the CLI's options). */
export interface StartImportRequest {
  readonly entity: ImportEntityName;
  readonly format?: ImportFormatName | null;
  readonly uploadId?: string | null;
  readonly content?: string | null;
  readonly fileName?: string | null;
  readonly mapping?: readonly ImportColumnMappingData[] | null;
  readonly duplicates?: DuplicateHandlingName | null;
  readonly dryRun?: boolean | null;
  readonly createMissingAccounts?: boolean | null;
  readonly encoding?: string | null;
}

export interface ImportServiceOptions {
  readonly uploads: UploadStore;
  readonly limits?: ImportLimits;
  readonly run?: Partial<ImportRunOptions>;
  readonly logger?: { error(object: object, message: string): void; info(object: object, message: string): void };
}

/** How long an upload is kept (a failed job can be run again meanwhile). */
const UPLOAD_RETENTION_MS = 7 * 24 * 3600_000;

/**
 * Import jobs in this process: queued by `start` (the answer comes at once; the job runs in the background,
 * one at a time), run again by `retry`, followed by `completion`. At start-up `failInterrupted` marks FAILED
 * every unfinished job whose runner is gone (a crash or a restart): its counts already match what was
 * committed, and it can be run again without importing a row twice. `stop` ends the running job between two
 * batches and marks it FAILED (it can be run again).
 */
export class ImportService {
  readonly runner = newRunnerId();
  private readonly limits: ImportLimits;
  /** Jobs waiting to run here, and whether an earlier run may have imported some of their rows. */
  private readonly queue: { readonly jobId: string; readonly rerun: boolean }[] = [];
  private readonly completions = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly abort = new AbortController();
  private running: Promise<void> | null = null;
  private readonly unregister: () => void;

  constructor(
    private readonly crm: Crm,
    private readonly options: ImportServiceOptions,
  ) {
    this.limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
    this.unregister = registerLiveRunner(this.runner);
  }

  get uploads(): UploadStore {
    return this.options.uploads;
  }

  /** Queues an import of an upload (or of `content`, kept as one) as `actorId`; the job runs in the background. */
  async start(actorId: string, request: StartImportRequest): Promise<{ readonly jobId: string; readonly checkpoint: CatchUpCheckpoint }> {
    const { uploadId, content } = request;
    const hasUpload = typeof uploadId === 'string' && uploadId !== '';
    if (hasUpload === (typeof content === 'string'))
      throw ValidationError.of('uploadId', 'give either an uploadId (POST /uploads) or the content, not both');
    const fileName = request.fileName ?? null;
    const upload =
      typeof content === 'string'
        ? await this.options.uploads.saveText(content, { uploadedBy: actorId, fileName })
        : await this.options.uploads.get(uploadId ?? '');
    if (!upload || upload.uploadedBy !== actorId)
      throw ValidationError.of('uploadId', 'no upload of yours has this id (uploads are kept for 7 days)');
    let format = request.format ?? null;
    if (format === null) {
      try {
        format = await detectFormat(upload.path);
      } catch (error) {
        if (error instanceof ImportFileError) throw ValidationError.of('format', error.message);
        throw error;
      }
    }
    const jobId = this.crm.handler.ids.next();
    const queue = this.lifecycle(actorId).queue(jobId, {
      requestedBy: actorId,
      runner: this.runner,
      options: {
        entity: request.entity,
        format,
        fileName: fileName ?? upload.fileName,
        uploadId: upload.id,
        mapping: request.mapping ?? [],
        duplicates: request.duplicates ?? 'SKIP',
        dryRun: request.dryRun ?? false,
        createMissingAccounts: request.createMissingAccounts ?? false,
        encoding: request.encoding ?? null,
      },
    });
    // Content sent inline was kept only for this job: a refused job (no privilege, invalid options) leaves nothing behind.
    const outcome = await queue.catch(async (error: unknown) => {
      if (typeof content === 'string') await this.options.uploads.remove(upload.id);
      throw error;
    });
    this.schedule(jobId, false);
    return { jobId, checkpoint: outcome.checkpoint };
  }

  /** Runs a FAILED job again (its rows already imported are not imported twice). */
  async retry(actorId: string, jobId: string): Promise<{ readonly checkpoint: CatchUpCheckpoint }> {
    if (!(await queuedImportJob(this.crm.store, jobId))) throw new ImportJobNotFoundError(jobId);
    const outcome = await this.lifecycle(actorId).retry(jobId, this.runner);
    this.schedule(jobId, true);
    return { checkpoint: outcome.checkpoint };
  }

  /** Resolves when the job's current run in this process has ended and the read models show it (at once when it is not queued here). */
  completion(jobId: string): Promise<void> {
    return this.completions.get(jobId)?.promise ?? Promise.resolve();
  }

  /** Resolves once every job queued here so far has ended and the read models show it. */
  async idle(): Promise<void> {
    while (this.completions.size > 0) await Promise.all([...this.completions.values()].map((completion) => completion.promise));
  }

  /** Marks FAILED the unfinished jobs whose runner is gone; returns their ids. */
  async failInterrupted(): Promise<string[]> {
    const now = this.crm.clock.now();
    const failed: string[] = [];
    for (const job of await unfinishedImportJobs(this.crm.db)) {
      if (runnerMayBeAlive(job.runner, new Date(job.modified_at), now)) continue;
      const outcome = await this.lifecycle(SYSTEM_ACTOR_ID).fail(
        job.id,
        'The import was interrupted (the process running it stopped); what it imported stays: run it again to import the rest',
      );
      await this.crm.readYourWrites(outcome.checkpoint);
      failed.push(job.id);
    }
    await this.options.uploads.sweep(UPLOAD_RETENTION_MS);
    return failed;
  }

  /** Stops taking jobs, ends the running one between two batches (marked FAILED), and waits for it. */
  async stop(): Promise<void> {
    this.queue.length = 0;
    this.abort.abort('The server stopped before the import finished; run it again to import the rest');
    await this.running;
    for (const completion of this.completions.values()) completion.resolve();
    this.completions.clear();
    this.unregister();
  }

  private lifecycle(actorId: string): ImportJobLifecycle {
    return new ImportJobLifecycle(this.crm.handler, { actorId, source: 'import' });
  }

  private schedule(jobId: string, rerun: boolean): void {
    if (!this.completions.has(jobId)) {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      this.completions.set(jobId, { promise, resolve });
    }
    this.queue.push({ jobId, rerun });
    this.pump();
  }

  /** Runs queued jobs one after the other. */
  private pump(): void {
    if (this.running || this.abort.signal.aborted) return;
    const next = this.queue.shift();
    if (next === undefined) return;
    const { jobId } = next;
    this.running = this.run(jobId, next.rerun).finally(() => {
      this.running = null;
      const completion = this.completions.get(jobId);
      this.completions.delete(jobId);
      completion?.resolve();
      this.pump();
    });
  }

  private async run(jobId: string, rerun: boolean): Promise<void> {
    try {
      const queued = await queuedImportJob(this.crm.store, jobId);
      if (!queued) return;
      const { request } = queued;
      const upload = await this.options.uploads.get(request.uploadId);
      const lifecycle = this.lifecycle(request.requestedBy);
      if (!upload) {
        await lifecycle.start(jobId, this.runner);
        const failed = await lifecycle.fail(jobId, 'The uploaded file is gone (uploads are kept for 7 days): upload it again');
        await this.crm.readYourWrites(failed.checkpoint);
        return;
      }
      const { status, checkpoint } = await runImportJob(
        this.crm,
        lifecycle,
        {
          jobId,
          request,
          path: upload.path,
          queuedPosition: queued.position,
          rerun,
        },
        this.runner,
        this.limits,
        { ...defaultRunOptions(this.crm.projection), ...this.options.run, signal: this.abort.signal },
      );
      // A completed import's file is not needed any more; a dry run's is (the real run usually follows).
      if (!request.dryRun && status === 'COMPLETED') await this.options.uploads.remove(request.uploadId);
      if (checkpoint) await this.crm.readYourWrites(checkpoint);
    } catch (error) {
      this.options.logger?.error({ err: error, jobId }, 'import job failed');
    }
  }
}
