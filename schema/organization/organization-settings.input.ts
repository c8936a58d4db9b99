import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The settings to change; a setting left out (or null) keeps its value.' })
export class OrganizationSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'Turns address suggestions on (true) or off (false).' })
  addressSuggestionsEnabled?: boolean | null;
}
