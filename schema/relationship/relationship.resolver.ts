import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { rankConnections } from '../../projections/relationship/connection-strength';
import { healthOf } from '../../projections/relationship/health-score';
import { Account } from '../account/account.type';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { badInput } from '../errors';
import { User, UserPayload } from '../user/user.type';
import { configuredHealthSettings } from './relationship.loaders';
import { DailyActivity, Introduction, RelationshipInsights } from './relationship.type';
import { afterCommand } from '../common/after-command';
import { GraphQLError } from 'graphql';

/** The longest activity breakdown a client may ask for, in days. */
export const MAX_BREAKDOWN_DAYS = 366;
/** The most introductions a client may ask for. */
export const MAX_INTRODUCTIONS = 50;

async function insightsOf(ctx: GraphQLContext, subjectType: 'account' | 'contact', id: string): Promise<RelationshipInsights> {
  const loader = subjectType === 'account' ? ctx.loaders.relationshipOfAccount : ctx.loaders.relationshipOfContact;
  const figures = await loader.load(id);
  return RelationshipInsights.from(subjectType, id, figures, healthOf(figures.health, configuredHealthSettings()));
}

@Resolver(() => Account)
export class AccountRelationshipResolver {
  @FieldResolver(() => RelationshipInsights, { description: 'How the relationship with the account is going (KPIs and health score).' })
  async relationship(@Root() account: Account, @Ctx() ctx: GraphQLContext): Promise<RelationshipInsights> {
    return insightsOf(ctx, 'account', account.id);
  }
}

@Resolver(() => Contact)
export class ContactRelationshipResolver {
  @FieldResolver(() => RelationshipInsights, { description: 'How the relationship with the contact is going (KPIs and health score).' })
  async relationship(@Root() contact: Contact, @Ctx() ctx: GraphQLContext): Promise<RelationshipInsights> {
    return insightsOf(ctx, 'contact', contact.id);
  }

  @FieldResolver(() => [Introduction], {
    description: 'Who knows whom: the colleagues who know the contact best, strongest first (users who opted out are left out).',
  })
  async introductions(
    @Root() contact: Contact,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number,
  ): Promise<Introduction[]> {
    const size = first ?? 5;
    if (!Number.isInteger(size) || size < 0 || size > MAX_INTRODUCTIONS) throw badInput('first', `must be from 0 to ${MAX_INTRODUCTIONS}`);
    const connections = await ctx.loaders.connectionsByContact.load(contact.id);
    const ranked = rankConnections(connections, ctx.requestedAt, size);
    const users = await Promise.all(ranked.map((connection) => ctx.loaders.userById.load(connection.userId)));
    return ranked.flatMap((connection, index) => {
      const user = users[index];
      if (!user) return [];
      return [
        Object.assign(new Introduction(), {
          user: User.fromRow(user),
          strength: connection.strength,
          interactions: connection.interactions,
          lastInteractionAt: new Date(connection.lastInteractionAt),
        }),
      ];
    });
  }
}

@Resolver(() => RelationshipInsights)
export class RelationshipInsightsResolver {
  @FieldResolver(() => [DailyActivity], { description: 'E-mails, calls and appointments per day over the last `days` days, oldest first.' })
  async activityBreakdown(
    @Root() insights: RelationshipInsights,
    @Ctx() ctx: GraphQLContext,
    @Arg('days', () => Int, { nullable: true, defaultValue: 60 }) days: number,
  ): Promise<DailyActivity[]> {
    const span = days ?? 60;
    if (!Number.isInteger(span) || span < 0 || span > MAX_BREAKDOWN_DAYS) throw badInput('days', `must be from 0 to ${MAX_BREAKDOWN_DAYS}`);
    const breakdown = await ctx.loaders.activityBreakdown.load({
      subjectType: insights.subjectType,
      subjectId: insights.subjectId,
      days: span,
    });
    return breakdown.map(DailyActivity.from);
  }
}

@Resolver(() => User)
export class IntroductionsPreferenceResolver {
  @Mutation(() => UserPayload, {
    description:
      'Opts the signed-in user out of who-knows-whom (or back in with false): they no longer appear in contacts’ introductions. ' +
      'Recorded as an event of the user, with who chose.',
  })
  async setIntroductionsOptOut(
    @Arg('optOut', () => Boolean) optOut: boolean,
    @Ctx() ctx: GraphQLContext,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
  ): Promise<UserPayload> {
    const outcome = await ctx.commands.setIntroductionsPreference({ optedOut: optOut, idempotencyKey });
    await afterCommand(ctx, outcome);
    const row = await ctx.loaders.userById.load(outcome.result.id);
    if (!row) throw new GraphQLError(`User ${outcome.result.id} is missing from the read model after the change`);
    return { user: User.fromRow(row), position: String(outcome.position) };
  }
}
