/** A postal address as the events carry it: every part optional, coordinates in decimal degrees. */
export interface AddressData {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly line3: string | null;
  readonly city: string | null;
  readonly stateOrProvince: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export const ADDRESS_PARTS = [
  'line1',
  'line2',
  'line3',
  'city',
  'stateOrProvince',
  'postalCode',
  'country',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof AddressData)[];
