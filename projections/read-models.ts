import type { AccountsTable } from './account/account.table';
import type { AuditLogTable, ContactLinksTable } from './audit/audit.table';
import type { ContactsTable } from './contact/contact.table';
import type { OrganizationSettingsTable } from './organization/organization-settings.table';
import type { UsersTable } from './user/user.table';

/** Every read-model table, as Kysely sees them. */
export interface ReadModels {
  accounts: AccountsTable;
  audit_log: AuditLogTable;
  contact_links: ContactLinksTable;
  contacts: ContactsTable;
  organization_settings: OrganizationSettingsTable;
  users: UsersTable;
}
