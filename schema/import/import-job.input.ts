import { Field, ID, InputType } from 'type-graphql';
import { DuplicateHandling, ImportEntity, ImportFormat } from './import.enums';

@InputType({ description: 'Maps one column of the file to a field (or ignores it).' })
export class ColumnMappingInput {
  @Field(() => String, { description: 'The column’s header, as in the file.' }) column!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The field it fills: `name`, `email`, `address.city`, … (contacts also `fullName`, `accountName`, `accountNumber`); null ignores the column.',
  })
  field?: string | null;
}

@InputType({ description: 'An import of accounts or contacts from a file.' })
export class StartImportInput {
  @Field(() => ImportEntity) entity!: ImportEntity;
  @Field(() => ImportFormat, { nullable: true, description: 'Detected from the file when left out.' }) format?: ImportFormat | null;
  @Field(() => ID, { nullable: true, description: 'An id returned by POST /uploads, for files of any size' }) uploadId?: string | null;
  @Field(() => String, { nullable: true, description: "The file's text (CSV, XML, vCard) for small files" }) content?: string | null;
  @Field(() => String, { nullable: true }) fileName?: string | null;
  @Field(() => [ColumnMappingInput], {
    nullable: true,
    description:
      'Overrides the automatic mapping (by header: field names, the CRM’s display names, Outlook’s headers, English and Polish).',
  })
  mapping?: ColumnMappingInput[] | null;
  @Field(() => DuplicateHandling, { nullable: true, defaultValue: DuplicateHandling.SKIP }) duplicates?: DuplicateHandling | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Report what would happen; write nothing.' })
  dryRun?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Contacts: create the accounts their rows name (by company name) that do not exist yet; otherwise such rows are rejected.',
  })
  createMissingAccounts?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'The text encoding (utf-8, utf-16le, windows-1250, windows-1252, …); detected when left out.',
  })
  encoding?: string | null;
}
