import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ACTIVITY_ORDERING, listActivitiesOf } from '../../projections/activity/activity.queries';
import { OPPORTUNITY_ORDERING, listOpportunitiesOf } from '../../projections/opportunity/opportunity.queries';
import { ActivityType } from '../activity/activity.enums';
import { Activity, ActivityConnection } from '../activity/activity.type';
import type { ConnectionSource } from '../common/connection';
import { relatedConnection } from '../common/related-connection';
import type { GraphQLContext } from '../context';
import { OpportunityStatus } from '../opportunity/opportunity.enums';
import { Opportunity, OpportunityConnection } from '../opportunity/opportunity.type';
import { Contact } from './contact.type';

/** A contact's sales records: each list's first page is batched across every contact of the response. */
@Resolver(() => Contact)
export class ContactSalesResolver {
  @FieldResolver(() => OpportunityConnection, {
    description: 'The opportunities with the contact as the potential customer (all, or in one status), newest first.',
  })
  async opportunities(
    @Root() contact: Contact,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => OpportunityStatus, { nullable: true }) status: OpportunityStatus | null,
  ): Promise<ConnectionSource<Opportunity>> {
    const filter = status ?? null;
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.opportunitiesByContact.load({ parentId: contact.id, first: size, filter }),
      laterPage: (size, cursor) => listOpportunitiesOf(ctx.db, 'contact_id', contact.id, { status: filter, first: size, after: cursor }),
      count: () => ctx.loaders.opportunityCountByContact.load({ parentId: contact.id, filter }),
      ordering: OPPORTUNITY_ORDERING,
      toNode: Opportunity.fromRow,
    });
  }

  @FieldResolver(() => ActivityConnection, {
    description: 'The activities regarding the contact (all, or of one type), latest first.',
  })
  async activities(
    @Root() contact: Contact,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('type', () => ActivityType, { nullable: true }) type: ActivityType | null,
  ): Promise<ConnectionSource<Activity>> {
    const filter = type ?? null;
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.activitiesByContact.load({ parentId: contact.id, first: size, filter }),
      laterPage: (size, cursor) =>
        listActivitiesOf(ctx.db, 'regarding_contact_id', contact.id, { type: filter, first: size, after: cursor }),
      count: () => ctx.loaders.activityCountByContact.load({ parentId: contact.id, filter }),
      ordering: ACTIVITY_ORDERING,
      toNode: Activity.fromRow,
    });
  }
}
