import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';
import { OpportunityStatus } from './opportunity.enums';

@InputType({ description: 'A new opportunity: a topic and a potential customer (an active account, an active contact, or both).' })
export class CreateOpportunityInput {
  @Field(() => String, { description: 'Trimmed; 1 to 300 characters.' }) topic!: string;
  @Field(() => ID, { nullable: true, description: 'The account the sale is for (must be active).' }) accountId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contact the sale is for (must be active).' }) contactId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Non-negative, at most two decimals.' }) estimatedRevenue?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the opportunity is expected to close.' }) estimatedCloseDate?: Date | null;
  @Field(() => Int, { nullable: true, description: 'The chance of winning, 0 to 100.' }) probability?: number | null;
  @Field(() => ID, { nullable: true, description: 'The owner; the caller when left out.' }) ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Closes an open opportunity as won or lost.' })
export class CloseOpportunityInput {
  @Field(() => ID, { description: 'The opportunity (must be OPEN).' }) id!: string;
  @Field(() => OpportunityStatus, { description: 'WON or LOST.' }) status!: OpportunityStatus;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}
