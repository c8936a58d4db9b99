import { Field, Int, ObjectType } from 'type-graphql';
import type { QuoteRow } from '../../projections/quote/quote.queries';
import { connectionOf } from '../common/connection';
import { DecimalScalar } from '../common/scalars';
import { Node } from '../node/node.interface';
import { QuoteStatus } from './quote.enums';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'An offer made to a customer, created from an open opportunity.' })
export class Quote extends Node {
  @Field(() => String, { description: '`QUO-00001`, …: unique, given out without gaps.' })
  quoteNumber!: string;

  @Field(() => String, { description: 'The quote’s name (the opportunity’s topic unless another was given).' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'The quote’s total, exact to the cent.' })
  totalAmount!: string;

  @Field(() => QuoteStatus, { description: 'Where the quote stands; a new quote is a DRAFT.' })
  status!: QuoteStatus;

  @Field(() => Date, { description: 'When the quote was created.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'How many changes the quote has had.' })
  version!: number;

  opportunityId!: string;
  accountId!: string | null;

  static fromRow(this: void, row: QuoteRow): Quote {
    return Object.assign(new Quote(), {
      id: row.id,
      quoteNumber: row.quote_number,
      name: row.name,
      totalAmount: row.total_amount,
      status: row.status as QuoteStatus,
      createdAt: new Date(row.created_at),
      version: Number(row.version),
      opportunityId: row.opportunity_id,
      accountId: row.account_id,
    });
  }
}

export const { Connection: QuoteConnection, Edge: QuoteEdge, ConnectionResolver: QuoteConnectionResolver } = connectionOf('Quote', Quote);

@ObjectType({ simpleResolvers: true, description: 'The quote after a change, and the position of the change in the event log.' })
export class QuotePayload {
  @Field(() => Quote, { description: 'The quote as the read models now show it.' })
  quote!: Quote;

  @Field(() => String, { description: 'The global position of the last event written (read models include it).' })
  position!: string;
}
