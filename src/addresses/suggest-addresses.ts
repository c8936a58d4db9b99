import type { OrganizationSettingsData } from '../../events';
import { FeatureDisabledError } from '../domain/organization/feature-disabled.error';
import type { AddressProvider, AddressSuggestionData } from './address-provider';
import { parseAddressQuery, type AddressSuggestionsRequest } from './address-query';

export interface SuggestAddressesDependencies {
  /** The organisation's current settings (suggestions answer only while an administrator has them on). */
  readonly settings: () => Promise<OrganizationSettingsData>;
  readonly provider: AddressProvider;
  /** ISO 639-1 language of the names answered (English by default). */
  readonly language?: string;
}

/**
 * Address suggestions for what a user typed: FEATURE_DISABLED while the organisation has them off (checked first,
 * so a disabled feature never costs a lookup), BAD_USER_INPUT for a request `parseAddressQuery` refuses, else
 * at most `first` suggestions from the provider, best first.
 */
export async function suggestAddresses(
  request: AddressSuggestionsRequest,
  dependencies: SuggestAddressesDependencies,
): Promise<readonly AddressSuggestionData[]> {
  if (!(await dependencies.settings()).addressSuggestionsEnabled) {
    throw new FeatureDisabledError('Address suggestions', 'addressSuggestionsEnabled');
  }
  const query = parseAddressQuery(request, dependencies.language);
  return (await dependencies.provider.suggest(query)).slice(0, query.limit);
}
