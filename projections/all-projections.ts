import { accountProjection } from './account/account.projection';
import { auditProjection } from './audit/audit.projection';
import { contactProjection } from './contact/contact.projection';
import { organizationSettingsProjection } from './organization/organization-settings.projection';
import type { Projection } from './projection';
import { userProjection } from './user/user.projection';

/** Every read model the CRM maintains, in the order they are created and applied. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  userProjection,
  accountProjection,
  contactProjection,
  organizationSettingsProjection,
  auditProjection,
];
