import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';

@InputType({ description: 'A new quote from an open opportunity; its account is the opportunity’s.' })
export class CreateQuoteFromOpportunityInput {
  @Field(() => ID, { description: 'An OPEN opportunity whose account and contact are active.' }) opportunityId!: string;
  @Field(() => String, { nullable: true, description: 'The opportunity’s topic when left out; at most 300 characters.' }) name?:
    string | null;
  @Field(() => DecimalScalar, { description: 'Non-negative, at most two decimals.' }) totalAmount!: string;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}
