import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import {
  IMPORT_JOB_ORDERING,
  IMPORT_ROW_ERROR_ORDERING,
  countImportJobs,
  listImportJobs,
  listImportRowErrors,
} from '../../projections/import-job/import-job.queries';
import { encodeCursor } from '../../projections/pagination';
import { ForbiddenError } from '../../src/domain/errors';
import { PRIVILEGE_DESCRIPTIONS, depthOf } from '../../src/domain/security/privileges';
import type { ImportService } from '../../src/import/job/import-service';
import { afterCommand } from '../common/after-command';
import { toConnection, type ConnectionSource } from '../common/connection';
import { pageSize } from '../common/paging-args';
import type { GraphQLContext } from '../context';
import { StartImportInput } from './import-job.input';
import { ImportJob, ImportJobConnection, ImportJobPayload, ImportRowError, ImportRowErrorConnection } from './import-job.type';

/** Reading jobs needs the `import` privilege, like starting and re-running them (which the commands check). */
@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, { nullable: true, description: 'One import job by id; null when there is none.' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ImportJob | null> {
    requireImporter(ctx);
    return loadImportJob(ctx, id);
  }

  @Query(() => ImportJobConnection, { description: 'Import jobs, newest first.' })
  async importJobs(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<ImportJob>> {
    requireImporter(ctx);
    const page = await listImportJobs(ctx.db, { first: pageSize(first), after });
    return toConnection(
      page,
      ImportJob.fromRow,
      (row) => encodeCursor(IMPORT_JOB_ORDERING, row),
      () => countImportJobs(ctx.db),
    );
  }

  @FieldResolver(() => ImportRowErrorConnection, { description: 'The problems of the rejected rows, in row order.' })
  async errors(
    @Root() job: ImportJob,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<ImportRowError>> {
    const size = pageSize(first);
    const page = after
      ? await listImportRowErrors(ctx.db, job.id, { first: size, after })
      : await ctx.loaders.importRowErrorsByJob.load({ parentId: job.id, first: size });
    return toConnection(
      page,
      ImportRowError.fromRow,
      (row) => encodeCursor(IMPORT_ROW_ERROR_ORDERING, row),
      () => ctx.loaders.importRowErrorCountByJob.load(job.id),
    );
  }

  @Mutation(() => ImportJobPayload, {
    description:
      'Queues an import of an upload (POST /uploads) or of `content`, and answers at once with the job (QUEUED); follow it with importJob.',
  })
  async startImport(@Arg('input', () => StartImportInput) input: StartImportInput, @Ctx() ctx: GraphQLContext): Promise<ImportJobPayload> {
    const { jobId, checkpoint } = await importsOf(ctx).start(ctx.viewer.id, {
      ...input,
      mapping: input.mapping?.map((entry) => ({ column: entry.column, field: entry.field ?? null })) ?? null,
    });
    return jobPayload(ctx, jobId, checkpoint);
  }

  @Mutation(() => ImportJobPayload, {
    description:
      'Runs a FAILED import job again: rows it imported before are not imported twice; skipped and rejected rows are looked at afresh.',
  })
  async retryImport(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ImportJobPayload> {
    const { checkpoint } = await importsOf(ctx).retry(ctx.viewer.id, id);
    return jobPayload(ctx, id, checkpoint);
  }
}

/** The job, or null when there is none or the viewer may not import (so `node` reveals nothing to them). */
export async function loadImportJob(ctx: GraphQLContext, id: string): Promise<ImportJob | null> {
  if (depthOf(ctx.viewer.roles, 'import') === null) return null;
  const row = await ctx.loaders.importJobById.load(id);
  return row ? ImportJob.fromRow(row) : null;
}

function requireImporter(ctx: GraphQLContext): void {
  if (depthOf(ctx.viewer.roles, 'import') === null)
    throw new ForbiddenError('import', `Your roles do not allow you to ${PRIVILEGE_DESCRIPTIONS.import} (privilege: import)`);
}

function importsOf(ctx: GraphQLContext): ImportService {
  if (!ctx.imports) throw new GraphQLError('Imports run in the server only', { extensions: { code: 'BAD_REQUEST' } });
  return ctx.imports;
}

async function jobPayload(
  ctx: GraphQLContext,
  id: string,
  checkpoint: Parameters<typeof afterCommand>[1]['checkpoint'],
): Promise<ImportJobPayload> {
  await afterCommand(ctx, { checkpoint });
  const job = await loadImportJob(ctx, id);
  if (!job) throw new GraphQLError(`Import job ${id} is missing from the read model after the change`);
  return { job };
}
