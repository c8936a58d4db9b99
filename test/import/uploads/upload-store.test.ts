import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { UploadStore, UploadTooLargeError } from '../../../src/import/uploads/upload-store';
import { temporaryDir } from '../../support/test-databases';

describe('the upload store', () => {
  const dir = temporaryDir('crm-upload-store-');
  afterAll(() => dir.remove());
  const store = new UploadStore(join(dir.path, 'uploads'), 1000);
  const meta = { uploadedBy: 'user-1', fileName: 'C:\\Users\\jan\\kontakty.csv' };

  it('keeps a file under a new id with who uploaded it and its base name', async () => {
    const upload = await store.save([Buffer.from('a,b\n'), Buffer.from('1,2\n')], meta);
    expect(await store.get(upload.id)).toMatchObject({ size: 8, uploadedBy: 'user-1', fileName: 'kontakty.csv' });
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const before = readdirSync(store.dir).length;
    await expect(store.save([Buffer.alloc(600), Buffer.alloc(600)], meta)).rejects.toThrow(UploadTooLargeError);
    expect(readdirSync(store.dir)).toHaveLength(before);
  });

  it('finds nothing under an id that is not one', async () => {
    expect(await store.get('../../etc/passwd')).toBeNull();
  });

  it('sweeps uploads older than the retention', async () => {
    const upload = await store.save([Buffer.from('x')], meta);
    const old = new Date(Date.now() - 10 * 24 * 3600_000);
    utimesSync(upload.path, old, old);
    utimesSync(`${upload.path}.json`, old, old);
    expect(await store.sweep(7 * 24 * 3600_000)).toBe(2);
    expect(existsSync(upload.path)).toBe(false);
  });
});
