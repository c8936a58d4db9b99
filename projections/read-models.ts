import type { AccountsTable } from './account/account.table';
import type { ActivitiesTable, ActivityParticipantsTable } from './activity/activity.table';
import type { AuditLogTable, ContactLinksTable } from './audit/audit.table';
import type { ContactsTable } from './contact/contact.table';
import type { ImportJobsTable, ImportRowErrorsTable } from './import-job/import-job.table';
import type { InvoicesTable } from './invoice/invoice.table';
import type { OpportunitiesTable } from './opportunity/opportunity.table';
import type { OrganizationSettingsTable } from './organization/organization-settings.table';
import type { QuotesTable } from './quote/quote.table';
import type {
  RelationshipActivitiesTable,
  RelationshipConnectionsTable,
  RelationshipContactAccountsTable,
  RelationshipDaysTable,
  RelationshipOptOutsTable,
  RelationshipTouchesTable,
} from './relationship/relationship.table';
import type { UsersTable } from './user/user.table';

/** Every read-model table, as Kysely sees them. */
export interface ReadModels {
  accounts: AccountsTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  audit_log: AuditLogTable;
  contact_links: ContactLinksTable;
  contacts: ContactsTable;
  import_jobs: ImportJobsTable;
  import_row_errors: ImportRowErrorsTable;
  invoices: InvoicesTable;
  opportunities: OpportunitiesTable;
  organization_settings: OrganizationSettingsTable;
  quotes: QuotesTable;
  relationship_activities: RelationshipActivitiesTable;
  relationship_connections: RelationshipConnectionsTable;
  relationship_contact_accounts: RelationshipContactAccountsTable;
  relationship_days: RelationshipDaysTable;
  relationship_opt_outs: RelationshipOptOutsTable;
  relationship_touches: RelationshipTouchesTable;
  users: UsersTable;
}
