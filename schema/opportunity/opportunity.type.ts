import { Field, Int, ObjectType } from 'type-graphql';
import type { OpportunityRow } from '../../projections/opportunity/opportunity.queries';
import { formatMoney, parseMoney, percentOfMoney } from '../../src/domain/money';
import { connectionOf } from '../common/connection';
import { DecimalScalar } from '../common/scalars';
import { Node } from '../node/node.interface';
import { OpportunityStatus } from './opportunity.enums';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A potential sale to an account and/or a contact.' })
export class Opportunity extends Node {
  @Field(() => String, { description: 'What the sale is about; the only required field.' })
  topic!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The revenue expected if the opportunity is won.' })
  estimatedRevenue!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the opportunity is expected to close.' })
  estimatedCloseDate!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The chance of winning, in percent (0–100).' })
  probability!: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The estimated revenue times the probability, rounded half-even to the cent; null when either is missing.',
  })
  weightedRevenue!: string | null;

  @Field(() => OpportunityStatus, { description: 'OPEN until closed as WON or LOST; a closed opportunity is read-only.' })
  status!: OpportunityStatus;

  @Field(() => Date, { description: 'When the opportunity was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the opportunity last changed.' })
  modifiedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was won or lost.' })
  closedAt!: Date | null;

  @Field(() => Int, { description: 'How many changes the opportunity has had.' })
  version!: number;

  accountId!: string | null;
  contactId!: string | null;
  ownerId!: string;

  static fromRow(this: void, row: OpportunityRow): Opportunity {
    return Object.assign(new Opportunity(), {
      id: row.id,
      topic: row.topic,
      estimatedRevenue: row.estimated_revenue,
      estimatedCloseDate: row.estimated_close_date ? new Date(row.estimated_close_date) : null,
      probability: row.probability === null ? null : Number(row.probability),
      weightedRevenue:
        row.estimated_revenue === null || row.probability === null
          ? null
          : formatMoney(percentOfMoney(parseMoney(row.estimated_revenue), Number(row.probability))),
      status: row.status as OpportunityStatus,
      createdAt: new Date(row.created_at),
      modifiedAt: new Date(row.modified_at),
      closedAt: row.closed_at ? new Date(row.closed_at) : null,
      version: Number(row.version),
      accountId: row.account_id,
      contactId: row.contact_id,
      ownerId: row.owner_id,
    });
  }
}

export const {
  Connection: OpportunityConnection,
  Edge: OpportunityEdge,
  ConnectionResolver: OpportunityConnectionResolver,
} = connectionOf('Opportunity', Opportunity);

@ObjectType({ simpleResolvers: true, description: 'The opportunity after a change, and the position of the change in the event log.' })
export class OpportunityPayload {
  @Field(() => Opportunity, { description: 'The opportunity as the read models now show it.' })
  opportunity!: Opportunity;

  @Field(() => String, { description: 'The global position of the last event written (read models include it).' })
  position!: string;
}
