import type { AddressData } from './address';
import type { EventOf } from './event';

/** The descriptive fields of a contact (a person); first and last name are never null. */
export interface ContactProfile {
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly mobilePhone: string | null;
  readonly description: string | null;
  readonly address: AddressData | null;
}

export type ContactCreated = EventOf<'ContactCreated', { readonly contactId: string; readonly ownerId: string } & ContactProfile>;
/** Holds only the fields that changed; a field present with null was cleared. */
export type ContactUpdated = EventOf<'ContactUpdated', { readonly contactId: string } & Partial<ContactProfile>>;
export type ContactAssociatedWithAccount = EventOf<
  'ContactAssociatedWithAccount',
  { readonly contactId: string; readonly accountId: string }
>;
export type ContactDisassociatedFromAccount = EventOf<
  'ContactDisassociatedFromAccount',
  { readonly contactId: string; readonly accountId: string }
>;
export type ContactDeactivated = EventOf<'ContactDeactivated', { readonly contactId: string }>;
export type ContactActivated = EventOf<'ContactActivated', { readonly contactId: string }>;
export type ContactOwnerAssigned = EventOf<
  'ContactOwnerAssigned',
  { readonly contactId: string; readonly ownerId: string; readonly previousOwnerId: string }
>;

/**
 * The person's data was erased at their request: their data key is destroyed, so every personal field of
 * their events now reads as erased. The contact record (id, account, state, owner) stays.
 */
export type ContactPersonalDataErased = EventOf<'ContactPersonalDataErased', { readonly contactId: string; readonly reason: string }>;

export type ContactEvent =
  | ContactCreated
  | ContactUpdated
  | ContactAssociatedWithAccount
  | ContactDisassociatedFromAccount
  | ContactDeactivated
  | ContactActivated
  | ContactOwnerAssigned
  | ContactPersonalDataErased;

export const CONTACT_EVENT_TYPES = [
  'ContactCreated',
  'ContactUpdated',
  'ContactAssociatedWithAccount',
  'ContactDisassociatedFromAccount',
  'ContactDeactivated',
  'ContactActivated',
  'ContactOwnerAssigned',
  'ContactPersonalDataErased',
] as const satisfies readonly ContactEvent['type'][];
