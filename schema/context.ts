import type { Kysely } from 'kysely';
import type { Role } from '../events';
import type { ReadModels } from '../projections/read-models';
import type { AddressProvider } from '../src/addresses/address-provider';
import type { CommandOutcome } from '../src/commands/command-handler';
import type { CrmCommands, EraseContactPersonalDataRequest, RecordResult } from '../src/commands/crm-commands';
import type { OrganizationCommands } from '../src/commands/organization-commands';
import type { SalesCommands } from '../src/commands/sales-commands';
import type { PersonalDataExport } from '../src/personal-data/personal-data-service';
import type { CatchUpCheckpoint } from '../src/event-store/event-store';
import type { HistoryService } from '../src/history/history-service';
import type { ImportService } from '../src/import/job/import-service';
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
  /** When the request arrived: relationship scores and "next interaction" are computed as of it. */
  readonly requestedAt: Date;
  /** Commands issued as the viewer, with the request as their correlation. */
  readonly commands: CrmCommands;
  /** Commands on opportunities, quotes, invoices and activities, issued as the viewer. */
  readonly sales: SalesCommands;
  /** The organisation-wide commands (settings), issued as the viewer. */
  readonly organization: OrganizationCommands;
  /** Where address suggestions come from (the configured provider, offline by default). */
  readonly addresses: AddressProvider;
  /** The read models (committed data only). */
  readonly db: Kysely<ReadModels>;
  readonly loaders: Loaders;
  /** History, time travel, the audit log and its verification (auditors). */
  readonly history: HistoryService;
  /** The import jobs this server runs; null where no server runs them (imports are refused there). */
  readonly imports: ImportService | null;
  /** A person's rights (erasure, access), acting as the viewer. */
  readonly personalData: {
    erase(request: EraseContactPersonalDataRequest): Promise<CommandOutcome<RecordResult>>;
    export(contactId: string): Promise<PersonalDataExport>;
  };
  /**
   * Resolves once the read models include `checkpoint` (immediately with inline projections), so a mutation's
   * answer and every query after it see the change.
   */
  readonly readYourWrites: (checkpoint: CatchUpCheckpoint) => Promise<void>;
}
