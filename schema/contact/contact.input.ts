import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from '../common/address.type';

@InputType({ description: 'A new contact: first and last name are required.' })
export class CreateContactInput {
  @Field(() => String) firstName!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) mobilePhone?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => ID, { nullable: true, description: 'An active account the contact starts in.' }) accountId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The owner; the caller when left out.' }) ownerId?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; a field set to null is cleared (names cannot be cleared).' })
export class UpdateContactInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) mobilePhone?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: "Erases a person's data at their request (right to be forgotten); administrators only." })
export class EraseContactPersonalDataInput {
  @Field(() => ID) contactId!: string;
  @Field(() => String, { description: 'Why (the request it answers); kept in the audit trail.' }) reason!: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
