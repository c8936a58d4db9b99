import type { CreateTableBuilder } from 'kysely';
import type { AddressData } from '../events';
import type { ColumnTypes } from './column-types';

/** An address flattened into columns, so analysts can query it with plain SQL. */
export interface AddressColumns {
  address_line1: string | null;
  address_line2: string | null;
  address_line3: string | null;
  address_city: string | null;
  address_state_or_province: string | null;
  address_postal_code: string | null;
  address_country: string | null;
  address_latitude: number | null;
  address_longitude: number | null;
}

export function addressColumns(address: AddressData | null): AddressColumns {
  return {
    address_line1: address?.line1 ?? null,
    address_line2: address?.line2 ?? null,
    address_line3: address?.line3 ?? null,
    address_city: address?.city ?? null,
    address_state_or_province: address?.stateOrProvince ?? null,
    address_postal_code: address?.postalCode ?? null,
    address_country: address?.country ?? null,
    address_latitude: address?.latitude ?? null,
    address_longitude: address?.longitude ?? null,
  };
}

export function addressFromColumns(row: AddressColumns): AddressData | null {
  const address: AddressData = {
    line1: row.address_line1,
    line2: row.address_line2,
    line3: row.address_line3,
    city: row.address_city,
    stateOrProvince: row.address_state_or_province,
    postalCode: row.address_postal_code,
    country: row.address_country,
    latitude: row.address_latitude,
    longitude: row.address_longitude,
  };
  return Object.values(address).every((part) => part === null) ? null : address;
}

export function withAddressColumns<T extends string>(
  table: CreateTableBuilder<T, never>,
  types: ColumnTypes,
): CreateTableBuilder<T, never> {
  return table
    .addColumn('address_line1', 'text')
    .addColumn('address_line2', 'text')
    .addColumn('address_line3', 'text')
    .addColumn('address_city', 'text')
    .addColumn('address_state_or_province', 'text')
    .addColumn('address_postal_code', 'text')
    .addColumn('address_country', 'text')
    .addColumn('address_latitude', types.float)
    .addColumn('address_longitude', types.float);
}
