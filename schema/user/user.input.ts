import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../common/enums';

@InputType({ description: 'A new user of the CRM (administrators only).' })
export class RegisterUserInput {
  @Field(() => String, { description: 'Unique, case-insensitively.' }) email!: string;
  @Field(() => String) name!: string;
  @Field(() => [Role], { description: 'At least one; privileges add up across roles.' }) roles!: Role[];
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: "Replaces a user's roles (administrators only); recorded in the audit trail." })
export class ChangeUserRolesInput {
  @Field(() => ID) userId!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@InputType({ description: 'Deactivates or activates a user (administrators only).' })
export class SetUserStateInput {
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}
