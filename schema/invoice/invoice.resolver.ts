import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { loadAccount } from '../account/account.resolver';
import { Account } from '../account/account.type';
import { afterCommand } from '../common/after-command';
import { toInstant } from '../common/instants';
import { readableOwner } from '../common/read-scope';
import { loadContact } from '../contact/contact.resolver';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { loadOpportunity } from '../opportunity/opportunity.resolver';
import { Opportunity } from '../opportunity/opportunity.type';
import { loadQuote } from '../quote/quote.resolver';
import { Quote } from '../quote/quote.type';
import { CreateInvoiceInput } from './invoice.input';
import { Invoice, InvoicePayload } from './invoice.type';

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: 'One invoice by id; null when there is none.' })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Invoice | null> {
    return loadInvoice(ctx, id);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account billed, if any.' })
  async account(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    return invoice.accountId ? loadAccount(ctx, invoice.accountId) : null;
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact billed, if any.' })
  async contact(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Contact | null> {
    return invoice.contactId ? loadContact(ctx, invoice.contactId) : null;
  }

  @FieldResolver(() => Opportunity, { nullable: true, description: 'The opportunity the invoice comes from, if any.' })
  async opportunity(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Opportunity | null> {
    return invoice.opportunityId ? loadOpportunity(ctx, invoice.opportunityId) : null;
  }

  @FieldResolver(() => Quote, { nullable: true, description: 'The quote the invoice comes from, if any.' })
  async quote(@Root() invoice: Invoice, @Ctx() ctx: GraphQLContext): Promise<Quote | null> {
    return invoice.quoteId ? loadQuote(ctx, invoice.quoteId) : null;
  }

  @Mutation(() => InvoicePayload, {
    description:
      'Creates an invoice with the next invoice number for an active account and/or contact, optionally from an opportunity or a quote.',
  })
  async createInvoice(
    @Arg('input', () => CreateInvoiceInput) input: CreateInvoiceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvoicePayload> {
    const outcome = await ctx.sales.createInvoice({ ...input, dueDate: toInstant(input.dueDate) });
    await afterCommand(ctx, outcome);
    const invoice = await loadInvoice(ctx, outcome.result.id);
    if (!invoice) throw new GraphQLError(`Invoice ${outcome.result.id} is missing from the read model after the change`);
    return { invoice, position: String(outcome.position) };
  }
}

/** The invoice, when it exists and the viewer may read it (an invoice has no owner: it takes reading every record). */
export async function loadInvoice(ctx: GraphQLContext, id: string): Promise<Invoice | null> {
  const row = await ctx.loaders.invoiceById.load(id);
  return row && readableOwner(ctx) === null ? Invoice.fromRow(row) : null;
}
