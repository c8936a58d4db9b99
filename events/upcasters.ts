import type { CrmEvent, CrmEventType } from './index';
import type { JsonValue } from './event';

/**
 * The current payload version of every event type. A stored payload with an older version is passed
 * through the upcasters registered for it, one version at a time, until it reaches this one.
 */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<CrmEventType, number>> = {
  AccountCreated: 1,
  AccountUpdated: 1,
  AccountDeactivated: 1,
  AccountActivated: 1,
  AccountOwnerAssigned: 1,
  ContactCreated: 1,
  ContactUpdated: 1,
  ContactAssociatedWithAccount: 1,
  ContactDisassociatedFromAccount: 1,
  ContactDeactivated: 1,
  ContactActivated: 1,
  ContactOwnerAssigned: 1,
  ContactPersonalDataErased: 1,
  UserRegistered: 1,
  UserRolesChanged: 1,
  UserEmailClaimed: 1,
  UserDeactivated: 1,
  UserActivated: 1,
  UserIntroductionsPreferenceSet: 1,
  OrganizationSettingsChanged: 1,
  OpportunityCreated: 1,
  OpportunityClosed: 1,
  OpportunityOwnerAssigned: 1,
  QuoteCreated: 1,
  QuoteNumberAllocated: 1,
  InvoiceCreated: 1,
  InvoiceNumberAllocated: 1,
  ActivityLogged: 1,
  ActivityOwnerAssigned: 1,
  ImportJobQueued: 1,
  ImportJobStarted: 1,
  ImportFileParsed: 1,
  ImportRowsProcessed: 1,
  ImportRowRejected: 1,
  ImportJobCompleted: 1,
  ImportJobFailed: 1,
  ImportJobRetried: 1,
};

/** Turns a payload of version `from` into version `from + 1`. */
export type Upcaster = (data: { [key: string]: JsonValue }) => { [key: string]: JsonValue };

/** `UPCASTERS[type][from]` upcasts `type` from version `from` to `from + 1`. Empty until a payload shape changes. */
export type UpcasterRegistry = Partial<Record<CrmEventType, Readonly<Record<number, Upcaster>>>>;
export const UPCASTERS: UpcasterRegistry = {};

/** A stored payload, as read back from any event store, before it is trusted as a `CrmEvent`. */
export interface StoredPayload {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Brings a stored payload to the current shape of its type.
 * Throws when the type is unknown or a step is missing: a reader must never guess at an event's meaning.
 */
export function upcast(stored: StoredPayload, registry: UpcasterRegistry = UPCASTERS): CrmEvent {
  const type = stored.type as CrmEventType;
  const current = CURRENT_SCHEMA_VERSIONS[type];
  if (current === undefined) throw new Error(`Unknown event type "${stored.type}"`);
  let version = stored.schemaVersion;
  let data = stored.data as { [key: string]: JsonValue };
  while (version < current) {
    const step = registry[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schemaVersion ${version} to ${version + 1}`);
    data = step(data);
    version += 1;
  }
  if (version > current) throw new Error(`${type} schemaVersion ${version} is newer than this code knows (${current})`);
  return { type, schemaVersion: version, data } as unknown as CrmEvent;
}
