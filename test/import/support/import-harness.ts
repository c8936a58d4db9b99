import { join } from 'node:path';
import type { ImportJobRow, ImportRowErrorRow } from '../../../projections/import-job/import-job.queries';
import { importJobsByIds } from '../../../projections/import-job/import-job.queries';
import type { CrmOptions } from '../../../src/app/open-crm';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../src/import/import.limits';
import type { ImportRunOptions } from '../../../src/import/job/import-runner';
import { ImportService, type StartImportRequest } from '../../../src/import/job/import-service';
import { UploadStore } from '../../../src/import/uploads/upload-store';
import { openTestCrm, type TestCrm } from '../../support/test-crm';
import { temporaryDir, type TestDatabase } from '../../support/test-databases';

/** The sample files (copied from shared/data) and the files of this issue's own edge cases. */
export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');

export interface ImportHarness {
  readonly test: TestCrm;
  readonly service: ImportService;
  readonly uploads: UploadStore;
  /** Imports a fixture file (by name) or a file at a path, waits for the job to end, and answers the job. */
  importFile(file: string, request: Omit<StartImportRequest, 'uploadId' | 'content'>): Promise<ImportJobRow>;
  /** Imports text given as `content`. */
  importText(content: string, request: Omit<StartImportRequest, 'uploadId' | 'content'>): Promise<ImportJobRow>;
  job(id: string): Promise<ImportJobRow>;
  errors(id: string): Promise<ImportRowErrorRow[]>;
  /** A new service on the CRM reopened on the same database (a restart). */
  restart(options?: { readonly run?: Partial<ImportRunOptions> }): Promise<ImportHarness>;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  readonly run?: Partial<ImportRunOptions>;
  readonly limits?: ImportLimits;
  readonly crm?: Partial<CrmOptions>;
}

/** A CRM on a fresh database with an import service and an upload folder of its own. */
export async function openImportHarness(database: TestDatabase, options: HarnessOptions = {}): Promise<ImportHarness> {
  const test = await openTestCrm(database, options.crm);
  const folder = temporaryDir('crm-uploads-');
  return harness(test, folder, options);
}

function harness(test: TestCrm, folder: { path: string; remove(): void }, options: HarnessOptions): ImportHarness {
  const uploads = new UploadStore(folder.path, 200 * 1024 * 1024);
  const service = new ImportService(test.crm, {
    uploads,
    limits: options.limits ?? DEFAULT_IMPORT_LIMITS,
    ...(options.run ? { run: options.run } : {}),
  });
  const finish = async (jobId: string) => {
    await service.completion(jobId);
    await test.crm.settle();
    return self.job(jobId);
  };
  const self: ImportHarness = {
    test,
    service,
    uploads,
    async importFile(file, request) {
      const path = file.includes('/') ? file : join(FIXTURES, file);
      const upload = await uploads.copyFile(path, { uploadedBy: test.userId, fileName: file.split('/').pop() ?? file });
      const { jobId } = await service.start(test.userId, { ...request, uploadId: upload.id });
      return finish(jobId);
    },
    async importText(content, request) {
      const { jobId } = await service.start(test.userId, { ...request, content });
      return finish(jobId);
    },
    async job(id) {
      const [row] = await importJobsByIds(test.crm.db, [id]);
      if (!row) throw new Error(`No import job ${id}`);
      return row;
    },
    errors: (id) =>
      test.crm.db.selectFrom('import_row_errors').selectAll().where('job_id', '=', id).orderBy('row').orderBy('ordinal').execute(),
    async restart(restartOptions = {}) {
      await service.stop();
      const reopened = await test.reopen();
      return harness(reopened, folder, { ...options, ...restartOptions });
    },
    async dispose() {
      await service.stop();
      await test.dispose();
      folder.remove();
    },
  };
  return self;
}
