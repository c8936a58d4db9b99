import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { ActivityType, OpportunityStatus } from '../events';
import {
  activitiesByIds,
  activitiesOf,
  countActivitiesOf,
  participantsOfActivities,
  type ActivityParent,
  type ActivityParticipantRow,
  type ActivityRow,
} from '../projections/activity/activity.queries';
import { countInvoicesOfAccounts, invoicesByIds, invoicesOfAccounts, type InvoiceRow } from '../projections/invoice/invoice.queries';
import {
  countOpportunitiesOf,
  opportunitiesByIds,
  opportunitiesOf,
  type OpportunityParent,
  type OpportunityRow,
} from '../projections/opportunity/opportunity.queries';
import type { Page } from '../projections/pagination';
import { countQuotesOf, quotesByIds, quotesOf, type QuoteParent, type QuoteRow } from '../projections/quote/quote.queries';
import type { ReadModels } from '../projections/read-models';
import { byGroup, inOrder } from './common/batching';

/** The first page of one parent's related records, filtered (`filter` is null for lists without a filter). */
export interface SalesPageKey<Filter extends string | null = null> {
  readonly parentId: string;
  readonly first: number;
  readonly filter: Filter;
}

/** How many related records one parent has, filtered. */
export interface SalesCountKey<Filter extends string | null = null> {
  readonly parentId: string;
  readonly filter: Filter;
}

/** Per-request batching for sales records: a page of parents with their related lists costs one statement per list. */
export type SalesLoaders = ReturnType<typeof createSalesLoaders>;

export function createSalesLoaders(db: Kysely<ReadModels>) {
  const opportunityPages = (parent: OpportunityParent) =>
    pagesLoader<OpportunityStatus | null, OpportunityRow>((ids, status, first) => opportunitiesOf(db, parent, ids, { status, first }));
  const opportunityCounts = (parent: OpportunityParent) =>
    countsLoader<OpportunityStatus | null>((ids, status) => countOpportunitiesOf(db, parent, ids, { status }));
  const quotePages = (parent: QuoteParent) => pagesLoader<null, QuoteRow>((ids, _filter, first) => quotesOf(db, parent, ids, first));
  const quoteCounts = (parent: QuoteParent) => countsLoader<null>((ids) => countQuotesOf(db, parent, ids));
  const activityPages = (parent: ActivityParent) =>
    pagesLoader<ActivityType | null, ActivityRow>((ids, type, first) => activitiesOf(db, parent, ids, { type, first }));
  const activityCounts = (parent: ActivityParent) =>
    countsLoader<ActivityType | null>((ids, type) => countActivitiesOf(db, parent, ids, { type }));
  return {
    opportunityById: new DataLoader<string, OpportunityRow | null>(async (ids) => inOrder(ids, await opportunitiesByIds(db, ids))),
    quoteById: new DataLoader<string, QuoteRow | null>(async (ids) => inOrder(ids, await quotesByIds(db, ids))),
    invoiceById: new DataLoader<string, InvoiceRow | null>(async (ids) => inOrder(ids, await invoicesByIds(db, ids))),
    activityById: new DataLoader<string, ActivityRow | null>(async (ids) => inOrder(ids, await activitiesByIds(db, ids))),
    participantsByActivity: new DataLoader<string, ActivityParticipantRow[]>(async (ids) => {
      const participants = await participantsOfActivities(db, ids);
      return ids.map((id) => participants.get(id) ?? []);
    }),
    opportunitiesByAccount: opportunityPages('account_id'),
    opportunityCountByAccount: opportunityCounts('account_id'),
    opportunitiesByContact: opportunityPages('contact_id'),
    opportunityCountByContact: opportunityCounts('contact_id'),
    quotesByAccount: quotePages('account_id'),
    quoteCountByAccount: quoteCounts('account_id'),
    quotesByOpportunity: quotePages('opportunity_id'),
    quoteCountByOpportunity: quoteCounts('opportunity_id'),
    invoicesByAccount: pagesLoader<null, InvoiceRow>((ids, _filter, first) => invoicesOfAccounts(db, ids, first)),
    invoiceCountByAccount: countsLoader<null>((ids) => countInvoicesOfAccounts(db, ids)),
    activitiesByAccount: activityPages('regarding_account_id'),
    activityCountByAccount: activityCounts('regarding_account_id'),
    activitiesByContact: activityPages('regarding_contact_id'),
    activityCountByContact: activityCounts('regarding_contact_id'),
  };
}

/** A loader of first pages: keys with the same filter and page size are answered by one window-function query. */
function pagesLoader<Filter extends string | null, Row>(
  load: (parentIds: string[], filter: Filter, first: number) => Promise<Map<string, Page<Row>>>,
): DataLoader<SalesPageKey<Filter>, Page<Row>, string> {
  return new DataLoader<SalesPageKey<Filter>, Page<Row>, string>(
    (keys) =>
      byGroup(
        keys,
        (key) => `${key.filter ?? ''}:${key.first}`,
        async (group) => {
          const pages = await load(
            group.map((key) => key.parentId),
            group[0]!.filter,
            group[0]!.first,
          );
          return group.map((key) => pages.get(key.parentId) ?? { rows: [], hasNextPage: false });
        },
      ),
    { cacheKeyFn: (key) => `${key.parentId}:${key.filter ?? ''}:${key.first}` },
  );
}

/** A loader of counts: keys with the same filter are answered by one grouped count. */
function countsLoader<Filter extends string | null>(
  load: (parentIds: string[], filter: Filter) => Promise<Map<string, number>>,
): DataLoader<SalesCountKey<Filter>, number, string> {
  return new DataLoader<SalesCountKey<Filter>, number, string>(
    (keys) =>
      byGroup(
        keys,
        (key) => key.filter ?? '',
        async (group) => {
          const counts = await load(
            group.map((key) => key.parentId),
            group[0]!.filter,
          );
          return group.map((key) => counts.get(key.parentId) ?? 0);
        },
      ),
    { cacheKeyFn: (key) => `${key.parentId}:${key.filter ?? ''}` },
  );
}
