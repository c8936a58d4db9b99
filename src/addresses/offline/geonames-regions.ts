import { createRequire } from 'node:module';

/** The part of iso-3166-2 (which ships no types) that is used here. */
interface Iso3166Subdivisions {
  subdivision(code: string): { readonly name: string } | null;
}

/**
 * GeoNames admin1 codes that are not the ISO 3166-2 code, by country: GeoNames numbers Poland's voivodeships
 * and Germany's Länder (FIPS 10-4) where ISO 3166-2 uses letters.
 */
const ADMIN1_TO_ISO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  PL: {
    '72': 'DS',
    '73': 'KP',
    '74': 'LD',
    '75': 'LU',
    '76': 'LB',
    '77': 'MA',
    '78': 'MZ',
    '79': 'OP',
    '80': 'PK',
    '81': 'PD',
    '82': 'PM',
    '83': 'SL',
    '84': 'SK',
    '85': 'WN',
    '86': 'WP',
    '87': 'ZP',
  },
  DE: {
    '01': 'BW',
    '02': 'BY',
    '03': 'HB',
    '04': 'HH',
    '05': 'HE',
    '06': 'NI',
    '07': 'NW',
    '08': 'RP',
    '09': 'SL',
    '10': 'SH',
    '11': 'BB',
    '12': 'MV',
    '13': 'SN',
    '14': 'ST',
    '15': 'TH',
    '16': 'BE',
  },
  // Austria's Länder: GeoNames "01".."09", ISO 3166-2 "1".."9", in the same order.
  AT: { '01': '1', '02': '2', '03': '3', '04': '4', '05': '5', '06': '6', '07': '7', '08': '8', '09': '9' },
};

/** Countries whose GeoNames admin1 codes are their ISO 3166-2 codes (states, cantons, regions, nations). */
const SAME_CODES: ReadonlySet<string> = new Set(['US', 'CH', 'BE', 'GB']);

let subdivisions: Iso3166Subdivisions | undefined;

/**
 * The name of the region (state, province, voivodeship …) a GeoNames place is in, as ISO 3166-2 names it
 * (in the local language: "Pomorskie", "Bayern"), or null where the code cannot be mapped with certainty:
 * only the countries above are mapped, since elsewhere GeoNames' codes would name the wrong region.
 */
export function regionName(country: string, admin1: string): string | null {
  const code = SAME_CODES.has(country) ? admin1 : ADMIN1_TO_ISO[country]?.[admin1];
  if (code === undefined || code.length === 0) return null;
  subdivisions ??= createRequire(__filename)('iso-3166-2') as Iso3166Subdivisions;
  return subdivisions.subdivision(`${country}-${code}`)?.name ?? null;
}
