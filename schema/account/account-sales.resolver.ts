import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ACTIVITY_ORDERING, listActivitiesOf } from '../../projections/activity/activity.queries';
import { INVOICE_ORDERING, listInvoicesOfAccount } from '../../projections/invoice/invoice.queries';
import { OPPORTUNITY_ORDERING, listOpportunitiesOf } from '../../projections/opportunity/opportunity.queries';
import { QUOTE_ORDERING, listQuotesOf } from '../../projections/quote/quote.queries';
import { ActivityType } from '../activity/activity.enums';
import { Activity, ActivityConnection } from '../activity/activity.type';
import type { ConnectionSource } from '../common/connection';
import { relatedConnection } from '../common/related-connection';
import type { GraphQLContext } from '../context';
import { Invoice, InvoiceConnection } from '../invoice/invoice.type';
import { OpportunityStatus } from '../opportunity/opportunity.enums';
import { Opportunity, OpportunityConnection } from '../opportunity/opportunity.type';
import { Quote, QuoteConnection } from '../quote/quote.type';
import { Account } from './account.type';

/** An account's sales records: each list's first page is batched across every account of the response. */
@Resolver(() => Account)
export class AccountSalesResolver {
  @FieldResolver(() => OpportunityConnection, { description: 'The account’s opportunities (all, or in one status), newest first.' })
  async opportunities(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => OpportunityStatus, { nullable: true }) status: OpportunityStatus | null,
  ): Promise<ConnectionSource<Opportunity>> {
    const filter = status ?? null;
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.opportunitiesByAccount.load({ parentId: account.id, first: size, filter }),
      laterPage: (size, cursor) => listOpportunitiesOf(ctx.db, 'account_id', account.id, { status: filter, first: size, after: cursor }),
      count: () => ctx.loaders.opportunityCountByAccount.load({ parentId: account.id, filter }),
      ordering: OPPORTUNITY_ORDERING,
      toNode: Opportunity.fromRow,
    });
  }

  @FieldResolver(() => QuoteConnection, { description: 'The quotes made for the account, newest first.' })
  async quotes(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<Quote>> {
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.quotesByAccount.load({ parentId: account.id, first: size, filter: null }),
      laterPage: (size, cursor) => listQuotesOf(ctx.db, 'account_id', account.id, { first: size, after: cursor }),
      count: () => ctx.loaders.quoteCountByAccount.load({ parentId: account.id, filter: null }),
      ordering: QUOTE_ORDERING,
      toNode: Quote.fromRow,
    });
  }

  @FieldResolver(() => InvoiceConnection, { description: 'The invoices billed to the account, newest first.' })
  async invoices(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<Invoice>> {
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.invoicesByAccount.load({ parentId: account.id, first: size, filter: null }),
      laterPage: (size, cursor) => listInvoicesOfAccount(ctx.db, account.id, { first: size, after: cursor }),
      count: () => ctx.loaders.invoiceCountByAccount.load({ parentId: account.id, filter: null }),
      ordering: INVOICE_ORDERING,
      toNode: Invoice.fromRow,
    });
  }

  @FieldResolver(() => ActivityConnection, {
    description:
      'The activities regarding the account (all, or of one type), latest first; not those regarding its contacts or opportunities.',
  })
  async activities(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('type', () => ActivityType, { nullable: true }) type: ActivityType | null,
  ): Promise<ConnectionSource<Activity>> {
    const filter = type ?? null;
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.activitiesByAccount.load({ parentId: account.id, first: size, filter }),
      laterPage: (size, cursor) =>
        listActivitiesOf(ctx.db, 'regarding_account_id', account.id, { type: filter, first: size, after: cursor }),
      count: () => ctx.loaders.activityCountByAccount.load({ parentId: account.id, filter }),
      ordering: ACTIVITY_ORDERING,
      toNode: Activity.fromRow,
    });
  }
}
