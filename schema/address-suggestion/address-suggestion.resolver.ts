import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { organizationSettings } from '../../projections/organization/organization-settings.queries';
import { DEFAULT_ADDRESS_SUGGESTIONS } from '../../src/addresses/address-query';
import { suggestAddresses } from '../../src/addresses/suggest-addresses';
import type { GraphQLContext } from '../context';
import { AddressSuggestion } from './address-suggestion.type';

@Resolver(() => AddressSuggestion)
export class AddressSuggestionResolver {
  @Query(() => [AddressSuggestion], {
    description:
      'Addresses and places starting with what was typed (accent- and case-insensitive), best first. FEATURE_DISABLED until an administrator turns address suggestions on; BAD_USER_INPUT for a blank or too long query (100 characters), `first` outside 1..20 or an unknown country.',
  })
  async addressSuggestions(
    @Arg('query', () => String, { description: 'The start of an address or a place, e.g. "gdan" or "ul. Długa 5, Gda".' }) query: string,
    @Arg('country', () => String, {
      nullable: true,
      description:
        'Only suggestions in this country: an ISO 3166-1 code (PL, POL) or its name in English, Polish, German, French, Spanish or Italian (Poland, Polska, Polen).',
    })
    country: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_ADDRESS_SUGGESTIONS, description: 'How many at most, 1 to 20.' })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AddressSuggestion[]> {
    const suggestions = await suggestAddresses(
      { query, country, first },
      { settings: () => organizationSettings(ctx.db), provider: ctx.addresses },
    );
    return suggestions.map(AddressSuggestion.from);
  }
}
