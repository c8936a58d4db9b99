import { registerEnumType } from 'type-graphql';

export enum ImportEntity {
  ACCOUNT = 'ACCOUNT',
  CONTACT = 'CONTACT',
}
registerEnumType(ImportEntity, { name: 'ImportEntity', description: 'What an import creates or updates.' });

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  XML_SPREADSHEET = 'XML_SPREADSHEET',
  XML = 'XML',
  VCARD = 'VCARD',
  OUTLOOK_CSV = 'OUTLOOK_CSV',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'The format of an imported file; detected from its content when not given.',
  valuesConfig: {
    CSV: { description: 'Comma-, semicolon-, tab- or bar-separated values (delimiter and encoding detected)' },
    XLSX: { description: 'An Excel workbook (its first worksheet)' },
    XML_SPREADSHEET: { description: 'Excel’s XML Spreadsheet 2003' },
    XML: { description: 'Record XML: each child of the root element is a record' },
    VCARD: { description: 'vCard 2.1, 3.0 or 4.0, any number of cards' },
    OUTLOOK_CSV: { description: 'Outlook’s "Export contacts" CSV (English or translated headers)' },
  },
});

export enum DuplicateHandling {
  SKIP = 'SKIP',
  UPDATE = 'UPDATE',
  CREATE = 'CREATE',
}
registerEnumType(DuplicateHandling, {
  name: 'DuplicateHandling',
  description:
    'What a row that matches an existing record (or an earlier row of the file) does. Contacts match by e-mail, else by first and last name and account; accounts by account number, else by name (accent- and case-insensitive).',
  valuesConfig: {
    SKIP: { description: 'Leave the record as it is' },
    UPDATE: { description: 'Change the record with the row’s non-empty values' },
    CREATE: { description: 'Create another record anyway' },
  },
});

export enum ImportStatus {
  QUEUED = 'QUEUED',
  PARSING = 'PARSING',
  IMPORTING = 'IMPORTING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import job is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to run' },
    PARSING: { description: 'Reading the whole file through (encoding, columns, rows); nothing is imported yet' },
    IMPORTING: { description: 'Importing rows in batches' },
    COMPLETED: { description: 'Every row was imported, skipped or rejected' },
    FAILED: { description: 'Stopped: the file was refused, or the import was interrupted (see failureReason); it can be run again' },
  },
});
