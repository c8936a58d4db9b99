import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { JsonValue } from '../../events';
import { QUOTE_ORDERING, listQuotesOf } from '../../projections/quote/quote.queries';
import type { CommandOutcome } from '../../src/commands/command-handler';
import { loadAccount, requireUser } from '../account/account.resolver';
import { Account } from '../account/account.type';
import { afterCommand } from '../common/after-command';
import type { ConnectionSource } from '../common/connection';
import { toInstant } from '../common/instants';
import { mayRead } from '../common/read-scope';
import { relatedConnection } from '../common/related-connection';
import { loadContact } from '../contact/contact.resolver';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { Quote, QuoteConnection } from '../quote/quote.type';
import { User } from '../user/user.type';
import { CloseOpportunityInput, CreateOpportunityInput } from './opportunity.input';
import { Opportunity, OpportunityPayload } from './opportunity.type';

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Query(() => Opportunity, { nullable: true, description: 'One opportunity by id, open or closed; null when there is none.' })
  async opportunity(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Opportunity | null> {
    return loadOpportunity(ctx, id);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account the sale is for, if any.' })
  async account(@Root() opportunity: Opportunity, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    return opportunity.accountId ? loadAccount(ctx, opportunity.accountId) : null;
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact the sale is for, if any.' })
  async contact(@Root() opportunity: Opportunity, @Ctx() ctx: GraphQLContext): Promise<Contact | null> {
    return opportunity.contactId ? loadContact(ctx, opportunity.contactId) : null;
  }

  @FieldResolver(() => User, { description: 'The user responsible for the opportunity.' })
  async owner(@Root() opportunity: Opportunity, @Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, opportunity.ownerId);
  }

  @FieldResolver(() => QuoteConnection, { description: 'The quotes created from the opportunity, newest first.' })
  async quotes(
    @Root() opportunity: Opportunity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<Quote>> {
    return relatedConnection({
      first,
      after,
      firstPage: (size) => ctx.loaders.quotesByOpportunity.load({ parentId: opportunity.id, first: size, filter: null }),
      laterPage: (size, cursor) => listQuotesOf(ctx.db, 'opportunity_id', opportunity.id, { first: size, after: cursor }),
      count: () => ctx.loaders.quoteCountByOpportunity.load({ parentId: opportunity.id, filter: null }),
      ordering: QUOTE_ORDERING,
      toNode: Quote.fromRow,
    });
  }

  @Mutation(() => OpportunityPayload, {
    description:
      'Creates an opportunity for an active account and/or contact; it starts OPEN and the caller owns it unless told otherwise.',
  })
  async createOpportunity(
    @Arg('input', () => CreateOpportunityInput) input: CreateOpportunityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OpportunityPayload> {
    const outcome = await ctx.sales.createOpportunity({ ...input, estimatedCloseDate: toInstant(input.estimatedCloseDate) });
    return opportunityPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => OpportunityPayload, { description: 'Closes an open opportunity as WON or LOST; it is read-only from then on.' })
  async closeOpportunity(
    @Arg('input', () => CloseOpportunityInput) input: CloseOpportunityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OpportunityPayload> {
    const outcome = await ctx.sales.closeOpportunity(input);
    return opportunityPayload(ctx, outcome.result.id, outcome);
  }
}

/** The opportunity, when it exists and the viewer may read it. */
export async function loadOpportunity(ctx: GraphQLContext, id: string): Promise<Opportunity | null> {
  const row = await ctx.loaders.opportunityById.load(id);
  return row && mayRead(ctx, row.owner_id) ? Opportunity.fromRow(row) : null;
}

async function opportunityPayload(ctx: GraphQLContext, id: string, outcome: CommandOutcome<JsonValue>): Promise<OpportunityPayload> {
  await afterCommand(ctx, outcome);
  const opportunity = await loadOpportunity(ctx, id);
  if (!opportunity) throw new GraphQLError(`Opportunity ${id} is missing from the read model after the change`);
  return { opportunity, position: String(outcome.position) };
}
