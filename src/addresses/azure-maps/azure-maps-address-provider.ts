import type { AddressProvider, AddressQuery, AddressSuggestionData } from '../address-provider';
import { endpoint, fetchJson } from '../fetch-json';
import { fitAddress, joined, labelOf } from '../fit-address';
import { arrayOf, numberOf, objectOf, textOf } from '../json-fields';

export interface AzureMapsOptions {
  /** The service's base URL (https://atlas.microsoft.com, or a proxy in front of it). */
  readonly url: string;
  /** The account's shared key (sent as `subscription-key`, as Azure Maps documents). */
  readonly key: string;
  /** How long to wait for an answer before giving up, in ms. */
  readonly timeoutMs: number;
}

/** Azure Maps answers in IETF tags; ours are ISO 639-1. */
const AZURE_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'en-US',
  pl: 'pl-PL',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
};

/**
 * Street-level suggestions from Azure Maps' Search Fuzzy API in typeahead mode
 * (`GET /search/fuzzy/json?api-version=1.0&query=…&typeahead=true`), restricted to a country by `countrySet`.
 */
export class AzureMapsAddressProvider implements AddressProvider {
  readonly name = 'azure-maps';

  constructor(private readonly options: AzureMapsOptions) {}

  async suggest(query: AddressQuery): Promise<readonly AddressSuggestionData[]> {
    const url = endpoint(this.options.url, '/search/fuzzy/json', {
      'api-version': '1.0',
      query: query.text,
      typeahead: true,
      limit: query.limit,
      countrySet: query.countryCode,
      language: AZURE_LANGUAGES[query.language] ?? query.language,
      'subscription-key': this.options.key,
    });
    const answer = objectOf(await fetchJson(this.name, url, this.options.timeoutMs));
    return arrayOf(answer?.results)
      .flatMap((result) => suggestionOf(result, query.countryCode) ?? [])
      .slice(0, query.limit);
  }
}

/**
 * One result of the documented shape: `address { streetNumber, streetName, municipality, countrySubdivision(Name),
 * postalCode, country, countryCode, freeformAddress }`, `position { lat, lon }`, and `poi { name }` for a place.
 * Null for a result without an address or a position, or outside the country asked for.
 */
function suggestionOf(result: unknown, countryCode: string | null): AddressSuggestionData | null {
  const fields = objectOf(result);
  const address = objectOf(fields?.address);
  const position = objectOf(fields?.position);
  if (!fields || !address || !position) return null;
  if (countryCode !== null && textOf(address.countryCode)?.toUpperCase() !== countryCode) return null;
  const street = textOf(address.streetName);
  const line1 = street ? joined(' ', street, textOf(address.streetNumber)) : null;
  const city = textOf(address.municipality);
  const postalCode = textOf(address.postalCode);
  const stateOrProvince = textOf(address.countrySubdivisionName) ?? textOf(address.countrySubdivision);
  const country = textOf(address.country);
  const freeform = textOf(address.freeformAddress) ?? joined(', ', line1, joined(' ', postalCode, city), stateOrProvince);
  return {
    label: labelOf([textOf(objectOf(fields.poi)?.name), freeform, country]),
    address: fitAddress({
      line1,
      city,
      stateOrProvince,
      postalCode,
      country,
      latitude: numberOf(position.lat),
      longitude: numberOf(position.lon),
    }),
  };
}
