import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadAccount } from '../account/account.resolver';
import { Account } from '../account/account.type';
import { afterCommand } from '../common/after-command';
import { readableOwner } from '../common/read-scope';
import type { GraphQLContext } from '../context';
import { loadOpportunity } from '../opportunity/opportunity.resolver';
import { Opportunity } from '../opportunity/opportunity.type';
import { CreateQuoteFromOpportunityInput } from './quote.input';
import { Quote, QuotePayload } from './quote.type';

@Resolver(() => Quote)
export class QuoteResolver {
  @Query(() => Quote, { nullable: true, description: 'One quote by id; null when there is none.' })
  async quote(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Quote | null> {
    return loadQuote(ctx, id);
  }

  @FieldResolver(() => Opportunity, { nullable: true, description: 'The opportunity the quote was created from.' })
  async opportunity(@Root() quote: Quote, @Ctx() ctx: GraphQLContext): Promise<Opportunity | null> {
    return loadOpportunity(ctx, quote.opportunityId);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The opportunity’s account when the quote was created, if it had one.' })
  async account(@Root() quote: Quote, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    return quote.accountId ? loadAccount(ctx, quote.accountId) : null;
  }

  @Mutation(() => QuotePayload, {
    description:
      'Creates a quote from an OPEN opportunity whose account and contact are active, with the next quote number; refused with RECORD_INACTIVE otherwise.',
  })
  async createQuoteFromOpportunity(
    @Arg('input', () => CreateQuoteFromOpportunityInput) input: CreateQuoteFromOpportunityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<QuotePayload> {
    const outcome = await ctx.sales.createQuoteFromOpportunity(input);
    await afterCommand(ctx, outcome);
    return { quote: await requireQuote(ctx, outcome.result.id), position: String(outcome.position) };
  }
}

/** The quote, when it exists and the viewer may read it (a quote has no owner: it takes reading every record). */
export async function loadQuote(ctx: GraphQLContext, id: string): Promise<Quote | null> {
  const row = await ctx.loaders.quoteById.load(id);
  return row && readableOwner(ctx) === null ? Quote.fromRow(row) : null;
}

async function requireQuote(ctx: GraphQLContext, id: string): Promise<Quote> {
  const quote = await loadQuote(ctx, id);
  if (!quote) throw new GraphQLError(`Quote ${id} is missing from the read model after the change`);
  return quote;
}
