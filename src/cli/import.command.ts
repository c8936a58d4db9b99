import { basename } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { DUPLICATE_HANDLINGS, IMPORT_FORMATS, type ImportColumnMappingData, type ImportEntityName } from '../../events';
import { importJobsByIds, listImportRowErrors, type ImportJobRow } from '../../projections/import-job/import-job.queries';
import { userByEmail } from '../../projections/user/user.queries';
import { ensureAdministrator } from '../app/bootstrap';
import { DomainError, ForbiddenError } from '../domain/errors';
import { loadImportConfig } from '../import/import.config';
import { ImportService } from '../import/job/import-service';
import { UploadStore, UploadTooLargeError } from '../import/uploads/upload-store';
import { note, withCrm } from './cli-context';
import { ImportProgressReporter } from './import-progress';

export interface ImportCommandOptions {
  readonly entity: string;
  readonly dryRun?: boolean;
  readonly duplicates?: string;
  readonly map?: readonly string[];
  readonly format?: string;
  readonly encoding?: string;
  readonly createMissingAccounts?: boolean;
  readonly as?: string;
}

/** How many row errors the summary lists (all of them are in the job: `importJob { errors }`). */
const LISTED_ERRORS = 20;

/** How far V8 lets the heap grow past what a collection left alive, in % (V8 picks up to 300 when collections are cheap). */
const IMPORT_HEAP_GROWING_PERCENT = 50;

/**
 * `crm import <file>`: imports accounts or contacts from a file through the same jobs as the API (the file is
 * copied in as an upload), with a progress bar, then prints a summary. Exits 1 when rows were rejected or
 * the job failed.
 */
export async function importCommand(file: string, options: ImportCommandOptions): Promise<void> {
  // An import keeps little alive (about 30 MB) but makes garbage fast, so V8 lets the heap grow to four times
  // that before collecting. Growing by half keeps a 1,000,000-row import at 250 MB instead of 330, for up to 13%
  // of its speed (bench/RESULTS.md).
  setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
  const entity = choice(options.entity, ['account', 'contact'], '--entity').toUpperCase() as ImportEntityName;
  const duplicates = choice(
    options.duplicates ?? 'skip',
    DUPLICATE_HANDLINGS,
    '--duplicates',
  ).toUpperCase() as (typeof DUPLICATE_HANDLINGS)[number];
  const format =
    options.format === undefined
      ? null
      : (choice(options.format.replace(/-/gu, '_'), IMPORT_FORMATS, '--format').toUpperCase() as (typeof IMPORT_FORMATS)[number]);
  const mapping = (options.map ?? []).map(parseMapping);
  await withCrm(async (crm, config) => {
    await ensureAdministrator(crm, config.adminEmail);
    const email = options.as ?? config.adminEmail;
    const user = await userByEmail(crm.db, email);
    if (!user) throw new Error(`No user with the e-mail address ${email} to import as (use --as <email>)`);
    const importConfig = config.imports ?? loadImportConfig({}, config.dataDir);
    const progress = new ImportProgressReporter();
    const service = new ImportService(crm, {
      uploads: new UploadStore(importConfig.uploadsDir, importConfig.uploadMaxBytes),
      run: { onProgress: (update) => progress.update(update) },
      logger: { error: (object, message) => note(`${message}: ${String((object as { err?: unknown }).err)}`), info: () => undefined },
    });
    try {
      const upload = await service.uploads.copyFile(file, { uploadedBy: user.id, fileName: basename(file) });
      const { jobId } = await service.start(user.id, {
        entity,
        uploadId: upload.id,
        format,
        mapping,
        duplicates,
        dryRun: options.dryRun ?? false,
        createMissingAccounts: options.createMissingAccounts ?? false,
        encoding: options.encoding ?? null,
      });
      await service.completion(jobId);
      progress.stop();
      await crm.settle();
      const [job] = await importJobsByIds(crm.db, [jobId]);
      if (!job) throw new Error(`The import job ${jobId} is missing from the read model`);
      process.stdout.write(await summary(crm.db, job));
      if (job.status !== 'COMPLETED' || Number(job.error_count) > 0) process.exitCode = 1;
    } catch (error) {
      progress.stop();
      if (error instanceof ForbiddenError)
        throw new Error(`${error.message}: import as a user who may (e.g. a SALES_MANAGER) with --as <email>`, { cause: error });
      if (error instanceof DomainError || error instanceof UploadTooLargeError) throw new Error(error.message, { cause: error });
      throw error;
    } finally {
      await service.stop();
    }
  });
}

function choice<T extends string>(value: string, allowed: readonly T[], option: string): string {
  const lower = value.trim().toLowerCase();
  if (!allowed.some((candidate) => candidate.toLowerCase() === lower))
    throw new Error(`${option} must be one of ${allowed.map((candidate) => candidate.toLowerCase()).join(', ')}, got "${value}"`);
  return lower;
}

/** `"Column=field"` (the last `=` separates them); `"Column="` ignores the column. */
export function parseMapping(text: string): ImportColumnMappingData {
  const equals = text.lastIndexOf('=');
  if (equals <= 0) throw new Error(`--map takes "Column=field" (or "Column=" to ignore a column), got "${text}"`);
  const field = text.slice(equals + 1).trim();
  return { column: text.slice(0, equals).trim(), field: field === '' ? null : field };
}

async function summary(db: Parameters<typeof listImportRowErrors>[0], job: ImportJobRow): Promise<string> {
  const rows: [string, string][] = [
    ['job', job.id],
    ['file', `${job.file_name ?? '(no name)'} (${job.format}${job.encoding ? `, ${job.encoding}` : ''})`],
    ['status', `${job.status}${Number(job.dry_run) === 1 ? ' (dry run: nothing was written)' : ''}`],
    ['rows', String(job.total_rows ?? '?')],
    [Number(job.dry_run) === 1 ? 'would create' : 'created', String(job.created_count)],
    [Number(job.dry_run) === 1 ? 'would update' : 'updated', String(job.updated_count)],
    ['skipped', String(job.skipped_count)],
    ['rejected', String(job.error_count)],
  ];
  const unmapped = JSON.parse(job.unmapped_columns) as string[];
  if (unmapped.length > 0) rows.push(['not imported', `columns ${unmapped.map((column) => `"${column}"`).join(', ')}`]);
  if (job.failure_reason) rows.push(['reason', job.failure_reason]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  const errors = await listImportRowErrors(db, job.id, { first: LISTED_ERRORS });
  if (errors.rows.length > 0) {
    lines.push('', 'row errors:');
    for (const error of errors.rows)
      lines.push(`  row ${error.row}${error.column_name ? ` (${error.column_name})` : ''}: ${error.message}`);
    if (errors.hasNextPage) lines.push(`  … more in importJob(id: "${job.id}") { errors }`);
  }
  return `${lines.join('\n')}\n`;
}
