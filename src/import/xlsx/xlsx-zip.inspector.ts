import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { ImportFileError } from '../import-file.error';
import type { ImportLimits } from '../import.limits';
import { XmlGuard } from '../xml/xml-guard';

/** The parts of a workbook the reader parses: their XML is checked before any parser sees it. */
const PARSED_PARTS = [
  /^xl\/workbook\.xml$/u,
  /^xl\/_rels\/workbook\.xml\.rels$/u,
  /^xl\/sharedStrings\.xml$/u,
  /^xl\/styles\.xml$/u,
  /^xl\/worksheets\/sheet\d+\.xml$/u,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/u,
];

/** Entries smaller than this may compress as well as they like (a sheet of empty cells does). */
const RATIO_FLOOR_BYTES = 1 << 20;
/** Room for a data descriptor (and its optional signature) between one entry's data and the next header. */
const MAX_GAP_BYTES = 64;

/**
 * Checks an .xlsx before it is read: its zip directory first (how many entries, how large each inflates, in
 * total and relative to its compressed size; entries that overlap or hide data between them, the tricks of
 * zip bombs), then the XML parts the reader parses, inflated with their sizes enforced (an entry that inflates
 * beyond what the directory says is refused) and passed through the XML guard. Throws `ImportFileError`.
 */
export async function inspectXlsxZip(path: string, limits: ImportLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new ImportFileError('The file is not a valid .xlsx workbook (its zip directory cannot be read)');
  }
  try {
    if (zip.entryCount > limits.maxZipEntries)
      throw new ImportFileError(`The workbook holds ${zip.entryCount} zip entries; at most ${limits.maxZipEntries} are accepted`);
    const entries = await listEntries(zip);
    checkSizes(entries, limits);
    if (!entries.some((entry) => entry.fileName === 'xl/workbook.xml'))
      throw new ImportFileError('The zip file is not an Excel workbook (it has no xl/workbook.xml)');
    await checkLayout(zip, entries);
    for (const entry of entries) {
      if (PARSED_PARTS.some((pattern) => pattern.test(entry.fileName))) await checkXml(zip, entry, limits);
    }
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(new ImportFileError('The workbook’s zip directory is damaged')));
    zip.readEntry();
  });
}

function checkSizes(entries: readonly Entry[], limits: ImportLimits): void {
  let total = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    if (entry.uncompressedSize > limits.maxZipEntryBytes)
      throw new ImportFileError(
        `The workbook entry ${name} inflates to ${entry.uncompressedSize} bytes; at most ${limits.maxZipEntryBytes}`,
      );
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxZipRatio)
      throw new ImportFileError(
        `The workbook entry ${name} inflates ${Math.round(ratio)} times its size (at most ${limits.maxZipRatio}): a zip bomb is refused`,
      );
    total += entry.uncompressedSize;
    if (total > limits.maxZipTotalBytes)
      throw new ImportFileError(`The workbook inflates to more than ${limits.maxZipTotalBytes} bytes in total; the file is refused`);
  }
}

/** Each entry's data must lie after the previous one's, with nothing hidden in between. */
async function checkLayout(zip: ZipFile, entries: readonly Entry[]): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const entry of ordered) {
    const start = entry.relativeOffsetOfLocalHeader;
    if (start < end) throw new ImportFileError(`The workbook entry ${entry.fileName} overlaps another one: the file is refused`);
    if (start - end > MAX_GAP_BYTES) throw new ImportFileError(`The workbook hides data before the entry ${entry.fileName}`);
    const header = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    end = header.fileDataStart + entry.compressedSize;
  }
}

async function checkXml(zip: ZipFile, entry: Entry, limits: ImportLimits): Promise<void> {
  const guard = new XmlGuard(`The workbook entry ${entry.fileName}`, limits.maxCellChars * 4);
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) guard.push(chunk);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`The workbook entry ${entry.fileName} cannot be inflated as its directory says (${errorText(error)})`);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
