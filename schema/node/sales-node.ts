import { loadActivity } from '../activity/activity.resolver';
import type { GraphQLContext } from '../context';
import { loadInvoice } from '../invoice/invoice.resolver';
import { loadOpportunity } from '../opportunity/opportunity.resolver';
import { loadQuote } from '../quote/quote.resolver';
import type { Node } from './node.interface';

/** The opportunity, quote, invoice or activity with this id, or null (ids are unique across record kinds). */
export async function loadSalesNode(ctx: GraphQLContext, id: string): Promise<Node | null> {
  const [opportunity, quote, invoice, activity] = await Promise.all([
    loadOpportunity(ctx, id),
    loadQuote(ctx, id),
    loadInvoice(ctx, id),
    loadActivity(ctx, id),
  ]);
  return opportunity ?? quote ?? invoice ?? activity;
}

/** A sales record that has an owner, after its owner changed. */
export async function loadOwnedSalesRecord(ctx: GraphQLContext, recordType: 'OPPORTUNITY' | 'ACTIVITY', id: string): Promise<Node | null> {
  return recordType === 'OPPORTUNITY' ? loadOpportunity(ctx, id) : loadActivity(ctx, id);
}
