import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUuid } from '../../shared/ids';

/** A file someone uploaded for an import. */
export interface StoredUpload {
  readonly id: string;
  readonly path: string;
  /** The name the file had on the uploader's side, when they gave it. */
  readonly fileName: string | null;
  readonly size: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

/** An upload went over the size limit; nothing of it was kept. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the upload limit of ${maxBytes} bytes`);
  }
}

/**
 * Uploaded files on disk, one per random id, streamed in (never held in memory) and cut off at the size limit;
 * a file appears under its id only once it is complete. Metadata (who uploaded it, its name) sits next to it.
 */
export class UploadStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /**
   * Streams `source` to disk, waiting for the disk as it goes (backpressure); throws `UploadTooLargeError`
   * past the limit, keeping nothing. The source is not destroyed (a server can still answer the request).
   */
  async save(
    source: Iterable<Buffer> | AsyncIterable<Buffer>,
    meta: { readonly uploadedBy: string; readonly fileName: string | null },
  ): Promise<StoredUpload> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    const path = this.pathOf(id);
    const partial = `${path}.part`;
    const file = createWriteStream(partial, { mode: 0o600 });
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > this.maxBytes) throw new UploadTooLargeError(this.maxBytes);
        if (!file.write(chunk)) await once(file, 'drain');
      }
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
      const upload: StoredUpload = {
        id,
        path,
        fileName: cleanFileName(meta.fileName),
        size,
        uploadedBy: meta.uploadedBy,
        uploadedAt: new Date().toISOString(),
      };
      const { path: _path, ...stored } = upload;
      await writeFile(`${path}.json`, JSON.stringify(stored), { mode: 0o600 });
      await rename(partial, path);
      return upload;
    } catch (error) {
      file.destroy();
      await rm(partial, { force: true });
      await rm(`${path}.json`, { force: true });
      throw error;
    }
  }

  /** Keeps a small text (the `content` of startImport) as an upload, in UTF-8. */
  saveText(text: string, meta: { readonly uploadedBy: string; readonly fileName: string | null }): Promise<StoredUpload> {
    return this.save([Buffer.from(text, 'utf8')], meta);
  }

  /** Copies a local file in (the CLI's `crm import <file>`), streamed and size-limited like an upload. */
  copyFile(path: string, meta: { readonly uploadedBy: string; readonly fileName: string | null }): Promise<StoredUpload> {
    return this.save(createReadStream(path) as AsyncIterable<Buffer>, meta);
  }

  /** The upload with this id, or null (an id that is not a UUID names none). */
  async get(id: string): Promise<StoredUpload | null> {
    if (!isUuid(id)) return null;
    const path = this.pathOf(id);
    try {
      const meta = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Omit<StoredUpload, 'path'>;
      const { size } = await stat(path);
      return { ...meta, id, path, size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) return;
    await rm(this.pathOf(id), { force: true });
    await rm(`${this.pathOf(id)}.json`, { force: true });
  }

  /** Deletes uploads (and leftovers of interrupted ones) older than `maxAgeMs`; returns how many files went. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    for (const name of names) {
      if (!isUuid(name.slice(0, 36))) continue;
      const path = join(this.dir, name);
      const { mtimeMs } = await stat(path);
      if (now - mtimeMs < maxAgeMs) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  private pathOf(id: string): string {
    return join(this.dir, id);
  }
}

/** The last path segment of a client's file name, single-line and at most 255 characters; null when empty. */
function cleanFileName(name: string | null): string | null {
  if (name === null) return null;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = (name.split(/[\\/]/u).pop() ?? '').replace(/[\u0000-\u001f\u007f]/gu, '').trim();
  return base.length === 0 ? null : [...base].slice(0, 255).join('');
}
