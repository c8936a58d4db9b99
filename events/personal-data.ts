import type { ContactProfile } from './contact.events';
import type { JsonValue } from './event';

/** The text that stands in for an erased person's last name (first names become empty). */
export const ERASED_NAME = '[erased]';

/**
 * Which fields of an event are a person's data, and whose: stored encrypted with that person's data key,
 * and, once the key is destroyed (erasure), read back as the `redacted` value.
 */
export interface PersonalDataSpec {
  /** The person the data belongs to (the key's subject), from the event's plain fields; null when it is no one's. */
  readonly subject: (data: { readonly [key: string]: JsonValue }) => string | null;
  /** What each personal field reads as after erasure. */
  readonly redacted: { readonly [field: string]: JsonValue };
  /** Event types that start a subject's record: no key can exist for it yet. */
  readonly createdBy: readonly string[];
}

/** A contact's profile as it reads once the person's data is erased. */
export const ERASED_CONTACT_PROFILE: ContactProfile = {
  firstName: '',
  lastName: ERASED_NAME,
  jobTitle: null,
  email: null,
  phone: null,
  mobilePhone: null,
  description: null,
  address: null,
};

const contactFields: PersonalDataSpec = {
  subject: (data) => data.contactId as string,
  createdBy: ['ContactCreated'],
  redacted: ERASED_CONTACT_PROFILE as unknown as { readonly [field: string]: JsonValue },
};

/**
 * What is written about an interaction with a person (an activity regarding a contact: "Lunch with Ewa, she is
 * moving to Zakopane") is that person's data. An activity regarding only an account or an opportunity is not.
 */
const activityFields: PersonalDataSpec = {
  subject: (data) => (data.regardingContactId as string | null) ?? null,
  createdBy: [],
  redacted: { subject: ERASED_NAME, description: null },
};

/** Events that carry personal data, by type. Every other event is stored as it is. */
export const PERSONAL_DATA: { readonly [type: string]: PersonalDataSpec | undefined } = {
  ContactCreated: contactFields,
  ContactUpdated: contactFields,
  ActivityLogged: activityFields,
};
