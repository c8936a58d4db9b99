/**
 * The text encodings an import reads (WHATWG labels). UTF-8 is tried first; the Windows code pages are what
 * Excel writes for "CSV" in Central (1250) and Western (1252) European locales.
 */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1252', 'iso-8859-2', 'iso-8859-1'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

const ALIASES: Readonly<Record<string, ImportEncoding>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  cp1250: 'windows-1250',
  'windows-1250': 'windows-1250',
  win1250: 'windows-1250',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  win1252: 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  latin2: 'iso-8859-2',
  'iso-8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
};

/** The encoding a label names (case-insensitive, common aliases such as `cp1250`), or null when it is not one an import reads. */
export function importEncodingOf(label: string): ImportEncoding | null {
  return ALIASES[label.trim().toLowerCase().replace(/_/gu, '-')] ?? null;
}
