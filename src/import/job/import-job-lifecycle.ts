import { SYSTEM_ACTOR_ID, streamIds, type ImportJobEvent, type ImportJobQueued } from '../../../events';
import type { CommandContext, CommandHandler, CommandOutcome, Fold } from '../../commands/command-handler';
import type { RecordResult } from '../../commands/crm-commands';
import { ForbiddenError } from '../../domain/errors';
import type { ImportJobCommand } from '../../domain/import/import-job.commands';
import { importJobDecider } from '../../domain/import/import-job.decider';
import type { ImportJobState } from '../../domain/import/import-job.state';
import type { EventStore } from '../../event-store/event-store';

const importJobFold: Fold<ImportJobState, ImportJobEvent> = importJobDecider;

/** The command of the decider, without the job id (each method names the job). */
type Command<T extends ImportJobCommand['type']> = Omit<Extract<ImportJobCommand, { type: T }>, 'type' | 'jobId'>;

/**
 * The commands on one import job's own stream (`importjob-<jobId>`), issued as the given actor with the job as
 * correlation: queued, started, file accepted, batches of rows, completed or failed, run again.
 */
export class ImportJobLifecycle {
  constructor(
    private readonly handler: CommandHandler,
    private readonly context: Omit<CommandContext, 'correlationId'>,
  ) {}

  queue(jobId: string, command: Command<'QueueImportJob'>): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'QueueImportJob', jobId, ...command }, true);
  }

  start(jobId: string, runner: string): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'StartImportJob', jobId, runner });
  }

  parsed(jobId: string, command: Command<'RecordParsedFile'>): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'RecordParsedFile', jobId, ...command });
  }

  processed(jobId: string, command: Command<'RecordProcessedRows'>): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'RecordProcessedRows', jobId, ...command });
  }

  complete(jobId: string): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'CompleteImportJob', jobId });
  }

  /**
   * Marks the job FAILED. When the requester may no longer import (the privilege was taken away mid-run), the
   * system records the failure instead, so the job never stays running.
   */
  async fail(jobId: string, reason: string): Promise<CommandOutcome<RecordResult>> {
    const command: ImportJobCommand = { type: 'FailImportJob', jobId, reason };
    try {
      return await this.decide(jobId, command);
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      return this.decide(jobId, command, false, { ...this.context, actorId: SYSTEM_ACTOR_ID });
    }
  }

  retry(jobId: string, runner: string): Promise<CommandOutcome<RecordResult>> {
    return this.decide(jobId, { type: 'RetryImportJob', jobId, runner });
  }

  /** Every step needs the `import` privilege: a requester who loses it stops their running job at the next batch. */
  private decide(
    jobId: string,
    command: ImportJobCommand,
    fresh = false,
    context: Omit<CommandContext, 'correlationId'> = this.context,
  ): Promise<CommandOutcome<RecordResult>> {
    const stream = streamIds.importJob(jobId);
    return this.handler.run(
      { ...context, correlationId: jobId },
      command.type,
      command,
      async (scope) => {
        await scope.authorize('import');
        const state = fresh ? scope.fresh(stream, importJobFold) : await scope.load(stream, importJobFold);
        return { events: new Map([[stream, importJobDecider.decide(command, state)]]), result: { id: jobId } };
      },
      stream,
    );
  }
}

/** The request that queued a job (its options) and the global position of that event, or null when there is no such job. */
export async function queuedImportJob(
  store: EventStore,
  jobId: string,
): Promise<{ readonly request: ImportJobQueued['data']; readonly position: number } | null> {
  const [first] = await store.readStream(streamIds.importJob(jobId), { toVersion: 1 });
  return first?.type === 'ImportJobQueued' ? { request: first.data, position: first.globalPosition } : null;
}
