import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadAccount, requireUser } from '../account/account.resolver';
import { Account } from '../account/account.type';
import { afterCommand } from '../common/after-command';
import { toInstant } from '../common/instants';
import { mayRead } from '../common/read-scope';
import { loadContact } from '../contact/contact.resolver';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { loadOpportunity } from '../opportunity/opportunity.resolver';
import { Opportunity } from '../opportunity/opportunity.type';
import { User } from '../user/user.type';
import { LogActivityInput } from './activity.input';
import { Activity, ActivityParticipant, ActivityPayload } from './activity.type';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => Activity, { nullable: true, description: 'One activity by id; null when there is none.' })
  async activity(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Activity | null> {
    return loadActivity(ctx, id);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account the activity regards, if any.' })
  async regardingAccount(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    return activity.regardingAccountId ? loadAccount(ctx, activity.regardingAccountId) : null;
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact the activity regards, if any.' })
  async regardingContact(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<Contact | null> {
    return activity.regardingContactId ? loadContact(ctx, activity.regardingContactId) : null;
  }

  @FieldResolver(() => Opportunity, { nullable: true, description: 'The opportunity the activity regards, if any.' })
  async regardingOpportunity(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<Opportunity | null> {
    return activity.regardingOpportunityId ? loadOpportunity(ctx, activity.regardingOpportunityId) : null;
  }

  @FieldResolver(() => [ActivityParticipant], { description: 'Who took part, in the order they were named.' })
  async participants(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<ActivityParticipant[]> {
    return (await ctx.loaders.participantsByActivity.load(activity.id)).map(ActivityParticipant.fromRow);
  }

  @FieldResolver(() => User, { description: 'The user responsible for the activity (who logged it, unless reassigned).' })
  async owner(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, activity.ownerId);
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The e-mail this e-mail answers, if any (e-mail threads).' })
  async inReplyTo(@Root() activity: Activity, @Ctx() ctx: GraphQLContext): Promise<Activity | null> {
    return activity.inReplyToActivityId ? loadActivity(ctx, activity.inReplyToActivityId) : null;
  }

  @Mutation(() => ActivityPayload, {
    description: 'Logs an e-mail, phone call, appointment or task owned by the caller; what it regards must be active (RECORD_INACTIVE).',
  })
  async logActivity(@Arg('input', () => LogActivityInput) input: LogActivityInput, @Ctx() ctx: GraphQLContext): Promise<ActivityPayload> {
    const outcome = await ctx.sales.logActivity({ ...input, occurredAt: toInstant(input.occurredAt) ?? '' });
    await afterCommand(ctx, outcome);
    const activity = await loadActivity(ctx, outcome.result.id);
    if (!activity) throw new GraphQLError(`Activity ${outcome.result.id} is missing from the read model after the change`);
    return { activity, position: String(outcome.position) };
  }
}

@Resolver(() => ActivityParticipant)
export class ActivityParticipantResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user who took part (null when it was a contact).' })
  async user(@Root() participant: ActivityParticipant, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    if (!participant.userId) return null;
    const row = await ctx.loaders.userById.load(participant.userId);
    return row ? User.fromRow(row) : null;
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact who took part (null when it was a user).' })
  async contact(@Root() participant: ActivityParticipant, @Ctx() ctx: GraphQLContext): Promise<Contact | null> {
    return participant.contactId ? loadContact(ctx, participant.contactId) : null;
  }
}

/** The activity, when it exists and the viewer may read it. */
export async function loadActivity(ctx: GraphQLContext, id: string): Promise<Activity | null> {
  const row = await ctx.loaders.activityById.load(id);
  return row && mayRead(ctx, row.owner_id) ? Activity.fromRow(row) : null;
}
