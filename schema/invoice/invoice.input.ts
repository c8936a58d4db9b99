import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../common/scalars';

@InputType({
  description:
    'A new invoice for an account and/or a contact, optionally from an opportunity or a quote (whose account and contact fill in what is left out).',
})
export class CreateInvoiceInput {
  @Field(() => String, { description: 'Trimmed; 1 to 300 characters.' }) name!: string;
  @Field(() => ID, { nullable: true, description: 'The account billed (must be active).' }) accountId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The contact billed (must be active).' }) contactId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The opportunity the invoice comes from.' }) opportunityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The quote the invoice comes from (then from its opportunity too).' }) quoteId?:
    string | null;
  @Field(() => DecimalScalar, { description: 'Non-negative, at most two decimals.' }) totalAmount!: string;
  @Field(() => Date, { nullable: true, description: 'When payment is due.' }) dueDate?: Date | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}
