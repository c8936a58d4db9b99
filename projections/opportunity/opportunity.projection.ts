import type { Updateable } from 'kysely';
import { defineProjection } from '../projection';
import { createOpportunitiesIndexes, createOpportunitiesTable, type OpportunitiesTable } from './opportunity.table';

/** The opportunities: one row per opportunity with its customer, amounts, status and owner. */
export const opportunityProjection = defineProjection({
  name: 'opportunities',
  version: 1,
  tables: ['opportunities'],
  createTables: createOpportunitiesTable,
  createIndexes: createOpportunitiesIndexes,
  rebuildInMemory: true,
  handlers: {
    OpportunityCreated: (rows, event) => {
      const { opportunityId, ownerId, ...profile } = event.data;
      return rows.insert('opportunities', {
        id: opportunityId,
        topic: profile.topic,
        account_id: profile.accountId,
        contact_id: profile.contactId,
        estimated_revenue: profile.estimatedRevenue,
        estimated_close_date: profile.estimatedCloseDate,
        probability: profile.probability,
        status: 'OPEN',
        owner_id: ownerId,
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        closed_at: null,
        version: event.streamVersion,
      });
    },
    OpportunityClosed: (rows, event) =>
      rows.update('opportunities', event.data.opportunityId, touched(event, { status: event.data.status, closed_at: event.recordedAt })),
    OpportunityOwnerAssigned: (rows, event) =>
      rows.update('opportunities', event.data.opportunityId, touched(event, { owner_id: event.data.ownerId })),
  },
});

/** The change plus what every event changes: the modification time and the version. */
function touched(
  event: { recordedAt: string; streamVersion: number },
  set: Updateable<OpportunitiesTable>,
): Updateable<OpportunitiesTable> {
  return { ...set, modified_at: event.recordedAt, version: event.streamVersion };
}
