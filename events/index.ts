import { ACCOUNT_EVENT_TYPES, type AccountEvent } from './account.events';
import { CONTACT_EVENT_TYPES, type ContactEvent } from './contact.events';
import { ORGANIZATION_EVENT_TYPES, type OrganizationEvent } from './organization.events';
import { USER_EVENT_TYPES, type UserEvent } from './user.events';
import { OPPORTUNITY_EVENT_TYPES, type OpportunityEvent } from './opportunity.events';
import { QUOTE_EVENT_TYPES, type QuoteEvent } from './quote.events';
import { INVOICE_EVENT_TYPES, type InvoiceEvent } from './invoice.events';
import { ACTIVITY_EVENT_TYPES, type ActivityEvent } from './activity.events';
import { IMPORT_JOB_EVENT_TYPES, type ImportJobEvent } from './import.events';

export type * from './account.events';
export type * from './contact.events';
export type * from './organization.events';
export type * from './user.events';
export type * from './opportunity.events';
export type * from './quote.events';
export type * from './invoice.events';
export type * from './activity.events';
export type * from './import.events';
export type * from './address';
export type * from './event';
export type * from './recorded-event';
export { ACCOUNT_EVENT_TYPES } from './account.events';
export { CONTACT_EVENT_TYPES } from './contact.events';
export { ORGANIZATION_EVENT_TYPES, ORGANIZATION_SETTINGS_STREAM, DEFAULT_ORGANIZATION_SETTINGS } from './organization.events';
export { USER_EVENT_TYPES, ROLES } from './user.events';
export { OPPORTUNITY_EVENT_TYPES, OPPORTUNITY_STATUSES } from './opportunity.events';
export { QUOTE_EVENT_TYPES, QUOTE_STATUSES } from './quote.events';
export { INVOICE_EVENT_TYPES, INVOICE_STATUSES } from './invoice.events';
export { ACTIVITY_EVENT_TYPES, ACTIVITY_TYPES, DIRECTIONS } from './activity.events';
export {
  IMPORT_JOB_EVENT_TYPES,
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  DUPLICATE_HANDLINGS,
  importRowCausation,
  importedRowOf,
} from './import.events';
export { ADDRESS_PARTS } from './address';
export { SYSTEM_ACTOR_ID } from './event';
export { PERSONAL_DATA, ERASED_NAME, ERASED_CONTACT_PROFILE } from './personal-data';
export type { PersonalDataSpec } from './personal-data';
export { streamIds, recordOfStream } from './streams';
export { upcast, CURRENT_SCHEMA_VERSIONS } from './upcasters';

/** Every event the CRM records. */
export type CrmEvent =
  | AccountEvent
  | ContactEvent
  | UserEvent
  | OrganizationEvent
  | OpportunityEvent
  | QuoteEvent
  | InvoiceEvent
  | ActivityEvent
  | ImportJobEvent;
export type CrmEventType = CrmEvent['type'];
/** The event of the given type, e.g. `EventOfType<'AccountCreated'>`. */
export type EventOfType<T extends CrmEventType> = Extract<CrmEvent, { type: T }>;

export const CRM_EVENT_TYPES: readonly CrmEventType[] = [
  ...ACCOUNT_EVENT_TYPES,
  ...CONTACT_EVENT_TYPES,
  ...USER_EVENT_TYPES,
  ...ORGANIZATION_EVENT_TYPES,
  ...OPPORTUNITY_EVENT_TYPES,
  ...QUOTE_EVENT_TYPES,
  ...INVOICE_EVENT_TYPES,
  ...ACTIVITY_EVENT_TYPES,
  ...IMPORT_JOB_EVENT_TYPES,
];

export function isCrmEventType(type: string): type is CrmEventType {
  return (CRM_EVENT_TYPES as readonly string[]).includes(type);
}
