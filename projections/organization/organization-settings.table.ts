import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../column-types';
import type { ReadModels } from '../read-models';

/** The id of the only row: one organisation per CRM. */
export const ORGANIZATION_SETTINGS_ROW_ID = 'organization';

/** The organisation-wide settings: no row until an administrator first changes them (the defaults apply). */
export interface OrganizationSettingsTable {
  id: string;
  /** 1 when address suggestions are on, 0 when off (an integer reads the same on SQLite and PostgreSQL). */
  address_suggestions_enabled: number;
  /** The user who made the last change. */
  modified_by: string;
  modified_at: string;
  /** The version of the settings stream this row reflects. */
  version: number;
}

export async function createOrganizationSettingsTable(db: Kysely<ReadModels>, _types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('organization_settings')
    .ifNotExists()
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('address_suggestions_enabled', 'integer', (col) => col.notNull())
    .addColumn('modified_by', 'text', (col) => col.notNull())
    .addColumn('modified_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
}
