import type { ImportFormatName } from '../../../events/import.events';
import { byteOrderMark } from '../encoding/byte-order-mark';
import { fileHead } from '../encoding/text-encoding.resolver';
import { ImportFileError } from '../import-file.error';
import { headerKey } from '../mapping/header-key';

/** How much of a file's start its format is told from. */
const SNIFF_BYTES = 8 * 1024;

/** Headers only Outlook's "Export contacts" writes (English and Polish Outlook); three of them make a CSV an Outlook one. */
const OUTLOOK_HEADERS = new Set(
  [
    'E-mail Display Name',
    'E-mail Type',
    'E-mail 2 Address',
    'Business Street',
    'Business Postal Code',
    'Business Country/Region',
    'Home Street',
    'Home Country/Region',
    'Other Street',
    'Assistant’s Phone',
    "Assistant's Phone",
    'Company Main Phone',
    'Ulica (służbowy)',
    'Kod pocztowy (służbowy)',
    'Kraj/region (służbowy)',
    'Ulica (domowy)',
    'Nazwa wyświetlana e-mail',
    'Typ e-mail',
    'Adres e-mail 2',
  ].map(headerKey),
);

/**
 * Tells a file's format from its first bytes: a zip is an .xlsx workbook; XML with Excel's spreadsheet
 * namespace is XML Spreadsheet 2003, other XML is record XML; `BEGIN:VCARD` starts a vCard file; any other
 * text is CSV, and Outlook's CSV when its header has Outlook's own columns. Refuses what none of them is.
 */
export async function detectFormat(path: string): Promise<ImportFormatName> {
  const head = await fileHead(path, SNIFF_BYTES);
  if (head.length === 0) throw new ImportFileError('The file is empty');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'XLSX';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new ImportFileError('The file is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV to import it');
  const mark = byteOrderMark(head);
  const text =
    mark?.encoding === 'utf-16le' || mark?.encoding === 'utf-16be' ? new TextDecoder(mark.encoding).decode(head) : head.toString('utf8');
  const body = text.replace(/^\uFEFF/u, '').trimStart();
  if (!mark && head.includes(0)) throw new ImportFileError('The file is not text, a workbook or XML (it holds NUL bytes)');
  if (body.startsWith('<'))
    return /urn:schemas-microsoft-com:office:spreadsheet|progid\s*=\s*["']Excel\.Sheet["']/u.test(body) ? 'XML_SPREADSHEET' : 'XML';
  if (/^BEGIN:VCARD/iu.test(body)) return 'VCARD';
  return isOutlookHeader(body) ? 'OUTLOOK_CSV' : 'CSV';
}

function isOutlookHeader(text: string): boolean {
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const headers = firstLine.split(/[,;\t|]/u).map((header) => headerKey(header.replace(/"/gu, '')));
  return headers.filter((header) => OUTLOOK_HEADERS.has(header)).length >= 3;
}
