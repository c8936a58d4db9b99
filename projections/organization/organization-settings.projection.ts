import { defineProjection } from '../projection';
import { ORGANIZATION_SETTINGS_ROW_ID, createOrganizationSettingsTable } from './organization-settings.table';

/** The organisation settings as one row, for the API to read without folding the settings stream. */
export const organizationSettingsProjection = defineProjection({
  name: 'organization_settings',
  version: 1,
  tables: ['organization_settings'],
  createTables: createOrganizationSettingsTable,
  rebuildInMemory: true,
  handlers: {
    OrganizationSettingsChanged: (rows, event) => {
      const columns = {
        address_suggestions_enabled: event.data.settings.addressSuggestionsEnabled ? 1 : 0,
        modified_by: event.data.changedBy,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      };
      // The stream's first event creates the row; every later one changes it.
      return event.streamVersion === 1
        ? rows.insert('organization_settings', { id: ORGANIZATION_SETTINGS_ROW_ID, ...columns })
        : rows.update('organization_settings', ORGANIZATION_SETTINGS_ROW_ID, columns);
    },
  },
});
