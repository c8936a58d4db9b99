import type { AddressProvider, AddressQuery, AddressSuggestionData } from '../address-provider';
import { endpoint, fetchJson } from '../fetch-json';
import { fitAddress, joined, labelOf } from '../fit-address';
import { arrayOf, numberOf, objectOf, textOf } from '../json-fields';

export interface PhotonOptions {
  /** The Photon server's base URL (its `/api` endpoint is called). */
  readonly url: string;
  /** How long to wait for an answer before giving up, in ms. */
  readonly timeoutMs: number;
}

/**
 * Photon has no country parameter on `/api`: with a country asked for, this many times the suggestions wanted
 * are fetched (at most `MAX_FETCHED`) and the others dropped.
 */
const COUNTRY_OVERFETCH = 4;
const MAX_FETCHED = 50;

/** `osm_value`s of a `place` that is a city, town or village: its `name` is then the address's city. */
const SETTLEMENTS: ReadonlySet<string> = new Set(['city', 'town', 'village', 'hamlet', 'municipality']);

/**
 * Suggestions from a Photon server (OpenStreetMap data; search-as-you-type): `GET /api/?q=…&limit=…&lang=…`,
 * answered as a GeoJSON FeatureCollection.
 */
export class PhotonAddressProvider implements AddressProvider {
  readonly name = 'photon';

  constructor(private readonly options: PhotonOptions) {}

  async suggest(query: AddressQuery): Promise<readonly AddressSuggestionData[]> {
    const fetched = query.countryCode === null ? query.limit : Math.min(MAX_FETCHED, query.limit * COUNTRY_OVERFETCH);
    const url = endpoint(this.options.url, '/api/', { q: query.text, limit: fetched, lang: query.language });
    const answer = objectOf(await fetchJson(this.name, url, this.options.timeoutMs));
    return arrayOf(answer?.features)
      .flatMap((feature) => suggestionOf(feature, query.countryCode) ?? [])
      .slice(0, query.limit);
  }
}

/**
 * One feature of the documented shape: `properties { name, street, housenumber, postcode, city, state, country,
 * countrycode, osm_key, osm_value }` and `geometry.coordinates [lon, lat]`. Null for a feature without
 * coordinates, or outside the country asked for.
 */
function suggestionOf(feature: unknown, countryCode: string | null): AddressSuggestionData | null {
  const fields = objectOf(feature);
  const properties = objectOf(fields?.properties);
  const coordinates = arrayOf(objectOf(fields?.geometry)?.coordinates);
  const longitude = numberOf(coordinates[0]);
  const latitude = numberOf(coordinates[1]);
  if (!properties || longitude === null || latitude === null) return null;
  if (countryCode !== null && textOf(properties.countrycode)?.toUpperCase() !== countryCode) return null;
  const name = textOf(properties.name);
  const isSettlement = textOf(properties.osm_key) === 'place' && SETTLEMENTS.has(textOf(properties.osm_value) ?? '');
  const isStreet = textOf(properties.osm_key) === 'highway' || textOf(properties.type) === 'street';
  const street = textOf(properties.street) ?? (isStreet ? name : null);
  const line1 = joined(' ', street, street ? textOf(properties.housenumber) : null);
  const city = textOf(properties.city) ?? (isSettlement ? name : null);
  const postalCode = textOf(properties.postcode);
  const stateOrProvince = textOf(properties.state);
  const country = textOf(properties.country);
  // A named place (a stadium, a company) leads its label; a street or a town is named by its address already.
  const title = name !== street && name !== city ? name : null;
  return {
    label: labelOf([title, line1, joined(' ', postalCode, city), stateOrProvince, country]),
    address: fitAddress({ line1, city, stateOrProvince, postalCode, country, latitude, longitude }),
  };
}
