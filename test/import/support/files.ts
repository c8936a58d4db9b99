import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordReader, SourceRecord } from '../../../src/import/source-record';
import { temporaryDir } from '../../support/test-databases';

/** A folder for a suite's files, and a way to write one. */
export function scratchFiles(prefix: string) {
  const dir = temporaryDir(prefix);
  let count = 0;
  return {
    write(content: string | Buffer, extension = 'txt'): string {
      count += 1;
      const path = join(dir.path, `file-${count}.${extension}`);
      writeFileSync(path, content);
      return path;
    },
    remove: () => dir.remove(),
  };
}

/** Every record a reader yields. */
export async function readAll(reader: RecordReader): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of reader.records()) records.push(record);
  return records;
}

/** A record's cells as a plain object (column → value). */
export function cellsOf(record: SourceRecord | undefined): Record<string, unknown> {
  return Object.fromEntries((record?.cells ?? []).map((cell) => [cell.column, cell.value]));
}
