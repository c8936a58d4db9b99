import type { Kysely } from 'kysely';
import { DEFAULT_ORGANIZATION_SETTINGS, type OrganizationSettingsData } from '../../events';
import type { ReadModels } from '../read-models';
import { ORGANIZATION_SETTINGS_ROW_ID } from './organization-settings.table';

/** The organisation's settings as projected: the defaults until an administrator first changes them. */
export async function organizationSettings(db: Kysely<ReadModels>): Promise<OrganizationSettingsData> {
  const row = await db
    .selectFrom('organization_settings')
    .select('address_suggestions_enabled')
    .where('id', '=', ORGANIZATION_SETTINGS_ROW_ID)
    .executeTakeFirst();
  if (!row) return DEFAULT_ORGANIZATION_SETTINGS;
  return { addressSuggestionsEnabled: Number(row.address_suggestions_enabled) === 1 };
}
