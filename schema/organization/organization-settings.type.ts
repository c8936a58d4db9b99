import { Field, ObjectType } from 'type-graphql';
import type { OrganizationSettingsData } from '../../events';

@ObjectType({ simpleResolvers: true, description: 'Settings for the whole organisation; only administrators change them.' })
export class OrganizationSettings {
  @Field(() => Boolean, {
    description: 'Whether typing the start of an address returns suggestions (`addressSuggestions`); off by default.',
  })
  addressSuggestionsEnabled!: boolean;

  static from(this: void, data: OrganizationSettingsData): OrganizationSettings {
    return Object.assign(new OrganizationSettings(), { addressSuggestionsEnabled: data.addressSuggestionsEnabled });
  }
}
