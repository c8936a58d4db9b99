import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from '../common/address.type';
import { RecordType } from '../common/enums';
import { DecimalScalar } from '../common/scalars';

@InputType({ description: 'A new account: only the name is required.' })
export class CreateAccountInput {
  @Field(() => String, { description: 'Trimmed; 1 to 160 characters.' }) name!: string;
  @Field(() => String, { nullable: true }) accountNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Non-negative, at most two decimals.' }) annualRevenue?: string | null;
  @Field(() => Int, { nullable: true }) numberOfEmployees?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => ID, { nullable: true }) parentAccountId?: string | null;
  @Field(() => ID, { nullable: true }) primaryContactId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The owner; the caller when left out.' }) ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; a field set to null is cleared (name cannot be cleared).' })
export class UpdateAccountInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT unless the account is still at this version.' })
  expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) accountNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) annualRevenue?: string | null;
  @Field(() => Int, { nullable: true }) numberOfEmployees?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => ID, { nullable: true }) parentAccountId?: string | null;
  @Field(() => ID, { nullable: true }) primaryContactId?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Deactivates or activates a record.' })
export class SetStateInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Links existing contacts to an account, all or nothing.' })
export class AssociateContactsInput {
  @Field(() => ID) accountId!: string;
  @Field(() => [ID], { description: 'Contacts that belong to no account yet (or already to this one).' }) contactIds!: string[];
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Unlinks a contact from its account.' })
export class DisassociateContactInput {
  @Field(() => ID) contactId!: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Makes a user the owner of a record.' })
export class AssignOwnerInput {
  @Field(() => RecordType) recordType!: RecordType;
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerId!: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
