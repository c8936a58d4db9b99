import type { AddressData } from './address';
import type { EventOf } from './event';

/** The descriptive fields of an account; `name` is the only one that is never null. */
export interface AccountProfile {
  readonly name: string;
  readonly accountNumber: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly industry: string | null;
  /** An exact decimal as a string with at most two decimals, e.g. "1250000.00". */
  readonly annualRevenue: string | null;
  readonly numberOfEmployees: number | null;
  readonly description: string | null;
  readonly address: AddressData | null;
  readonly parentAccountId: string | null;
  readonly primaryContactId: string | null;
}

export type AccountCreated = EventOf<'AccountCreated', { readonly accountId: string; readonly ownerId: string } & AccountProfile>;
/** Holds only the fields that changed; a field present with null was cleared. */
export type AccountUpdated = EventOf<'AccountUpdated', { readonly accountId: string } & Partial<AccountProfile>>;
export type AccountDeactivated = EventOf<'AccountDeactivated', { readonly accountId: string }>;
export type AccountActivated = EventOf<'AccountActivated', { readonly accountId: string }>;
export type AccountOwnerAssigned = EventOf<
  'AccountOwnerAssigned',
  { readonly accountId: string; readonly ownerId: string; readonly previousOwnerId: string }
>;

export type AccountEvent = AccountCreated | AccountUpdated | AccountDeactivated | AccountActivated | AccountOwnerAssigned;

export const ACCOUNT_EVENT_TYPES = [
  'AccountCreated',
  'AccountUpdated',
  'AccountDeactivated',
  'AccountActivated',
  'AccountOwnerAssigned',
] as const satisfies readonly AccountEvent['type'][];
