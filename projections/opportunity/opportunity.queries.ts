import type { Kysely, Selectable } from 'kysely';
import type { OpportunityStatus } from '../../events';
import type { Ordering, Page } from '../pagination';
import type { ReadModels } from '../read-models';
import { relatedList } from '../related-lists';
import type { OpportunitiesTable } from './opportunity.table';

export type OpportunityRow = Selectable<OpportunitiesTable>;
/** The columns an opportunity is related through: its account or its contact. */
export type OpportunityParent = 'account_id' | 'contact_id';

/** Related opportunities are listed newest first. */
export const OPPORTUNITY_ORDERING: Ordering<Extract<keyof OpportunitiesTable, string>> = {
  key: 'CREATED_DESC',
  columns: ['created_at', 'id'],
  direction: 'desc',
};

export interface RelatedOpportunitiesFilter {
  readonly status: OpportunityStatus | null;
}

export interface RelatedOpportunitiesRequest extends RelatedOpportunitiesFilter {
  readonly first: number;
}

export async function opportunitiesByIds(db: Kysely<ReadModels>, ids: readonly string[]): Promise<OpportunityRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('opportunities').selectAll().where('id', 'in', ids).execute();
}

const relatedOpportunities = relatedList<'opportunities', OpportunityParent, 'status'>({
  table: 'opportunities',
  ordering: OPPORTUNITY_ORDERING,
  filterColumn: 'status',
});

/** The first page of each parent's opportunities (with the status, if given), in one statement. */
export async function opportunitiesOf(
  db: Kysely<ReadModels>,
  parent: OpportunityParent,
  parentIds: readonly string[],
  request: RelatedOpportunitiesRequest,
): Promise<Map<string, Page<OpportunityRow>>> {
  return relatedOpportunities.firstPages(db, parent, parentIds, { first: request.first, filter: request.status });
}

/** How many opportunities each parent has (with the status, if given), in one statement. */
export async function countOpportunitiesOf(
  db: Kysely<ReadModels>,
  parent: OpportunityParent,
  parentIds: readonly string[],
  filter: RelatedOpportunitiesFilter,
): Promise<Map<string, number>> {
  return relatedOpportunities.counts(db, parent, parentIds, filter.status);
}

/** A later page of one parent's opportunities, after a cursor. */
export async function listOpportunitiesOf(
  db: Kysely<ReadModels>,
  parent: OpportunityParent,
  parentId: string,
  request: RelatedOpportunitiesRequest & { readonly after: string },
): Promise<Page<OpportunityRow>> {
  return relatedOpportunities.pageAfter(db, parent, parentId, { first: request.first, after: request.after, filter: request.status });
}
