import {
  ADDRESS_PARTS,
  ORGANIZATION_SETTINGS_STREAM,
  type AccountEvent,
  type AddressData,
  type ContactEvent,
  type JsonValue,
  type RecordedEvent,
  type UserEvent,
} from '../../events';
import { evolveAccount, initialAccountState, type AccountState } from '../domain/account/account.state';
import { evolveContact, initialContactState, type ContactState } from '../domain/contact/contact.state';
import { evolveUser, initialUserState, type UserState } from '../domain/user/user.state';

/** The kinds of record whose events an auditor reads: the contract's record types and the CRM's own. */
export type HistoryRecordType =
  'ACCOUNT' | 'CONTACT' | 'OPPORTUNITY' | 'QUOTE' | 'INVOICE' | 'ACTIVITY' | 'IMPORT_JOB' | 'USER' | 'ORGANIZATION';

/** A record's fields as history compares them: flat (an address is `address.city`, …), every value JSON. */
export type FieldValues = Readonly<Record<string, JsonValue>>;

/**
 * How one kind of record folds from its stream, and which fields its history shows. A kind without a
 * definition of its own folds generically: the fields are the merged payloads of its events.
 */
export interface RecordKind<S = unknown> {
  readonly type: HistoryRecordType;
  /** Streams of this kind are `<prefix><id>`. */
  readonly streamPrefix: string;
  readonly initial: S;
  evolve(state: S, event: RecordedEvent): S;
  /** The fields, or null while the record does not exist. */
  fields(state: S): FieldValues | null;
  /** Whether the state exists (and a time-travel read returns it). */
  exists(state: S): boolean;
}

/** `address` as `address.line1`, `address.city`, … (all null when there is no address). */
function addressFields(address: AddressData | null): FieldValues {
  return Object.fromEntries(ADDRESS_PARTS.map((part) => [`address.${part}`, address?.[part] ?? null]));
}

const ACCOUNT: RecordKind<AccountState> = {
  type: 'ACCOUNT',
  streamPrefix: 'account-',
  initial: initialAccountState,
  evolve: (state, event) => evolveAccount(state, event as RecordedEvent<AccountEvent>),
  exists: (state) => state.exists,
  fields(state) {
    if (!state.exists) return null;
    const { address, ...profile } = state.profile;
    return { ...profile, ...addressFields(address), ownerId: state.ownerId, state: state.status === 'active' ? 'ACTIVE' : 'INACTIVE' };
  },
};

const CONTACT: RecordKind<ContactState> = {
  type: 'CONTACT',
  streamPrefix: 'contact-',
  initial: initialContactState,
  evolve: (state, event) => evolveContact(state, event as RecordedEvent<ContactEvent>),
  exists: (state) => state.exists,
  fields(state) {
    if (!state.exists) return null;
    const { address, ...profile } = state.profile;
    return {
      ...profile,
      ...addressFields(address),
      accountId: state.accountId,
      ownerId: state.ownerId,
      state: state.status === 'active' ? 'ACTIVE' : 'INACTIVE',
      personalDataErased: state.personalDataErased,
    };
  },
};

const USER: RecordKind<UserState> = {
  type: 'USER',
  streamPrefix: 'user-',
  initial: initialUserState,
  evolve: (state, event) => evolveUser(state, event as RecordedEvent<UserEvent>),
  exists: (state) => state.exists,
  fields: (state) =>
    state.exists ? { email: state.email, name: state.name, roles: [...state.roles], state: state.active ? 'ACTIVE' : 'INACTIVE' } : null,
};

/** Any other record: its fields are its events' payloads merged in order (an address flattened). */
function generic(type: HistoryRecordType, streamPrefix: string): RecordKind<FieldValues | null> {
  return {
    type,
    streamPrefix,
    initial: null,
    exists: (state) => state !== null,
    fields: (state) => state,
    evolve(state, event) {
      const merged: Record<string, JsonValue> = { ...(state ?? {}) };
      for (const [key, value] of Object.entries(event.data as Record<string, JsonValue>)) {
        if (key === 'address' && (value === null || typeof value === 'object')) {
          Object.assign(merged, addressFields(value as AddressData | null));
        } else {
          merged[key] = value;
        }
      }
      return merged;
    },
  };
}

/** Every kind, by stream prefix. Streams that are not a record's (e.g. e-mail claims) have none. */
export const RECORD_KINDS: readonly RecordKind[] = [
  ACCOUNT,
  CONTACT,
  USER,
  generic('OPPORTUNITY', 'opportunity-'),
  generic('QUOTE', 'quote-'),
  generic('INVOICE', 'invoice-'),
  generic('ACTIVITY', 'activity-'),
  generic('IMPORT_JOB', 'importjob-'),
  generic('ORGANIZATION', `${ORGANIZATION_SETTINGS_STREAM}`),
];

/** The kind of a record type. */
export function kindOf(type: HistoryRecordType): RecordKind {
  const kind = RECORD_KINDS.find((candidate) => candidate.type === type);
  if (!kind) throw new Error(`No history for record type ${type}`);
  return kind;
}

/** The record a stream holds: its kind and id (the organisation's one stream has the id "settings"). */
export function recordOfStreamId(streamId: string): { readonly kind: RecordKind; readonly id: string } | null {
  for (const kind of RECORD_KINDS) {
    if (streamId === ORGANIZATION_SETTINGS_STREAM && kind.type === 'ORGANIZATION') return { kind, id: 'settings' };
    if (kind.type !== 'ORGANIZATION' && streamId.startsWith(kind.streamPrefix))
      return { kind, id: streamId.slice(kind.streamPrefix.length) };
  }
  return null;
}

/** The stream of a record. */
export function streamOf(kind: RecordKind, id: string): string {
  return kind.type === 'ORGANIZATION' ? ORGANIZATION_SETTINGS_STREAM : `${kind.streamPrefix}${id}`;
}
