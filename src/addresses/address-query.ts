import { InputCheck } from '../domain/validation';
import type { AddressQuery } from './address-provider';
import { resolveCountry } from './country-names';

/** The longest text suggestions are looked up for, in characters. */
export const ADDRESS_QUERY_MAX_LENGTH = 100;
/** How many suggestions a client may ask for at most, and gets when it does not say. */
export const MAX_ADDRESS_SUGGESTIONS = 20;
export const DEFAULT_ADDRESS_SUGGESTIONS = 5;

/** What a client asks for, as it sent it. */
export interface AddressSuggestionsRequest {
  readonly query: string;
  /** An ISO 3166-1 code or a country name; null or blank for anywhere. */
  readonly country?: string | null;
  /** 1 to 20; null or left out for 5. */
  readonly first?: number | null;
}

/**
 * Checks a request and turns it into the query every provider answers. Refuses with BAD_USER_INPUT, listing
 * every problem with its field: a blank or too long `query`, `first` outside 1..20, a `country` nobody has.
 */
export function parseAddressQuery(request: AddressSuggestionsRequest, language = 'en'): AddressQuery {
  const check = new InputCheck();
  const text = check.required('query', request.query, { max: ADDRESS_QUERY_MAX_LENGTH });
  const limit = check.integer('first', request.first ?? DEFAULT_ADDRESS_SUGGESTIONS, 1, MAX_ADDRESS_SUGGESTIONS);
  const country = check.text('country', request.country, { max: ADDRESS_QUERY_MAX_LENGTH });
  const countryCode = country ? resolveCountry(country) : null;
  if (country && countryCode === null) {
    check.fail(
      'country',
      `no country is called "${country}": use an ISO 3166-1 code such as PL, or the country's name in English or Polish`,
    );
  }
  check.done();
  return { text, countryCode, limit: limit ?? DEFAULT_ADDRESS_SUGGESTIONS, language };
}
