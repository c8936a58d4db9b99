import { Field, Int, ObjectType } from 'type-graphql';
import type { ImportJobRow, ImportRowErrorRow } from '../../projections/import-job/import-job.queries';
import { connectionOf } from '../common/connection';
import { Node } from '../node/node.interface';
import { DuplicateHandling, ImportEntity, ImportFormat, ImportStatus } from './import.enums';

@ObjectType({ simpleResolvers: true, description: 'One problem of a rejected row. It says what is wrong, never what the cell holds.' })
export class ImportRowError {
  @Field(() => Int, {
    description:
      'The row as the file shows it: the spreadsheet row for CSV and workbooks (the header is row 1), the record’s or card’s place for XML and vCard.',
  })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The file’s column the problem is in, when there is one.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The field the problem is about (`name`, `address.city`), when there is one.' })
  field!: string | null;

  @Field(() => String)
  message!: string;

  static fromRow(this: void, row: ImportRowErrorRow): ImportRowError {
    return Object.assign(new ImportRowError(), { row: Number(row.row), column: row.column_name, field: row.field, message: row.message });
  }
}

export const {
  Connection: ImportRowErrorConnection,
  Edge: ImportRowErrorEdge,
  ConnectionResolver: ImportRowErrorConnectionResolver,
} = connectionOf('ImportRowError', ImportRowError);

@ObjectType({ simpleResolvers: true, description: 'A column of an imported file and the field it fills.' })
export class ImportColumnMapping {
  @Field(() => String) column!: string;
  @Field(() => String) field!: string;
}

@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description:
    'An import of accounts or contacts from a file. Its counts follow what was committed: created and updated rows are counted from the records’ own events.',
})
export class ImportJob extends Node {
  @Field(() => ImportEntity) entity!: ImportEntity;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => ImportFormat) format!: ImportFormat;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => Boolean, { description: 'A dry run writes nothing: its counts say what would have happened.' }) dryRun!: boolean;
  @Field(() => DuplicateHandling) duplicates!: DuplicateHandling;
  @Field(() => Boolean) createMissingAccounts!: boolean;
  @Field(() => Int, { nullable: true, description: 'Rows with data in the file; known once the file has been read through.' })
  totalRows!: number | null;
  @Field(() => Int, { description: 'Rows created, updated, skipped or rejected so far.' }) processedRows!: number;
  @Field(() => Int) createdCount!: number;
  @Field(() => Int) updatedCount!: number;
  @Field(() => Int, { description: 'Rows that changed nothing: duplicates skipped, or updates with nothing to change.' })
  skippedCount!: number;
  @Field(() => Int, { description: 'Rows rejected (each with its problems in `errors`).' }) errorCount!: number;
  @Field(() => String, { nullable: true, description: 'The text encoding the file was read in (detected or requested).' })
  encoding!: string | null;
  @Field(() => [ImportColumnMapping], { description: 'The columns that fill a field.' }) columns!: ImportColumnMapping[];
  @Field(() => [String], { description: 'Columns holding values that no field takes (their values were not imported).' })
  unmappedColumns!: string[];
  @Field(() => String, { nullable: true, description: 'Why the job FAILED: a refused file (with where and what), or an interruption.' })
  failureReason!: string | null;
  @Field(() => Date, { description: 'When the job was asked for.' }) startedAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;

  static fromRow(this: void, row: ImportJobRow): ImportJob {
    return Object.assign(new ImportJob(), {
      id: row.id,
      entity: row.entity as ImportEntity,
      fileName: row.file_name,
      format: row.format as ImportFormat,
      status: row.status as ImportStatus,
      dryRun: Number(row.dry_run) === 1,
      duplicates: row.duplicates as DuplicateHandling,
      createMissingAccounts: Number(row.create_missing_accounts) === 1,
      totalRows: row.total_rows === null ? null : Number(row.total_rows),
      processedRows: Number(row.processed_rows),
      createdCount: Number(row.created_count),
      updatedCount: Number(row.updated_count),
      skippedCount: Number(row.skipped_count),
      errorCount: Number(row.error_count),
      encoding: row.encoding,
      columns: (JSON.parse(row.columns) as { column: string; field: string }[]).map((entry) =>
        Object.assign(new ImportColumnMapping(), entry),
      ),
      unmappedColumns: JSON.parse(row.unmapped_columns) as string[],
      failureReason: row.failure_reason,
      startedAt: new Date(row.started_at),
      completedAt: row.completed_at === null ? null : new Date(row.completed_at),
    });
  }
}

export const {
  Connection: ImportJobConnection,
  Edge: ImportJobEdge,
  ConnectionResolver: ImportJobConnectionResolver,
} = connectionOf('ImportJob', ImportJob);

@ObjectType({ simpleResolvers: true, description: 'The import job a mutation queued or re-ran.' })
export class ImportJobPayload {
  @Field(() => ImportJob) job!: ImportJob;
}
