import { accountProjection } from './account/account.projection';
import { activityProjection } from './activity/activity.projection';
import { auditProjection } from './audit/audit.projection';
import { contactProjection } from './contact/contact.projection';
import { importJobProjection } from './import-job/import-job.projection';
import { invoiceProjection } from './invoice/invoice.projection';
import { opportunityProjection } from './opportunity/opportunity.projection';
import { organizationSettingsProjection } from './organization/organization-settings.projection';
import type { Projection } from './projection';
import { quoteProjection } from './quote/quote.projection';
import { relationshipProjection } from './relationship/relationship.projection';
import { userProjection } from './user/user.projection';

/** Every read model the CRM maintains, in the order they are created and applied. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  userProjection,
  accountProjection,
  contactProjection,
  organizationSettingsProjection,
  opportunityProjection,
  quoteProjection,
  invoiceProjection,
  activityProjection,
  relationshipProjection,
  importJobProjection,
  auditProjection,
];
