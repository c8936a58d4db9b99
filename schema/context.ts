import type { Kysely } from 'kysely';
import type { Role } from '../events';
import type { ReadModels } from '../projections/read-models';
import type { CrmCommands } from '../src/commands/crm-commands';
import type { CatchUpCheckpoint } from '../src/event-store/event-store';
import type { Loaders } from './loaders';

/** The authenticated user a request acts for. */
export interface Viewer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

/** What every resolver receives. */
export interface GraphQLContext {
  readonly viewer: Viewer;
  readonly requestId: string;
  /** Commands issued as the viewer, with the request as their correlation. */
  readonly commands: CrmCommands;
  /** The read models (committed data only). */
  readonly db: Kysely<ReadModels>;
  readonly loaders: Loaders;
  /**
   * Resolves once the read models include `checkpoint` (immediately with inline projections), so a mutation's
   * answer and every query after it see the change.
   */
  readonly readYourWrites: (checkpoint: CatchUpCheckpoint) => Promise<void>;
}
