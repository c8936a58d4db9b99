import type { EventOf } from './event';

/** The one stream that holds the organisation-wide settings (there is one organisation per CRM). */
export const ORGANIZATION_SETTINGS_STREAM = 'organization-settings';

/** The organisation-wide settings, every one with a value (a fresh CRM has the defaults). */
export interface OrganizationSettingsData {
  /** Whether typing the start of an address returns suggestions (off until an administrator turns it on). */
  readonly addressSuggestionsEnabled: boolean;
}

/** The settings of an organisation no administrator has changed yet. */
export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettingsData = { addressSuggestionsEnabled: false };

/**
 * An administrator changed the organisation's settings. Carries the settings before and after the change, whole,
 * and who changed them (also in the metadata), so an auditor reads the change from this one event.
 */
export type OrganizationSettingsChanged = EventOf<
  'OrganizationSettingsChanged',
  { readonly settings: OrganizationSettingsData; readonly previous: OrganizationSettingsData; readonly changedBy: string }
>;

export type OrganizationEvent = OrganizationSettingsChanged;

export const ORGANIZATION_EVENT_TYPES = ['OrganizationSettingsChanged'] as const satisfies readonly OrganizationEvent['type'][];
