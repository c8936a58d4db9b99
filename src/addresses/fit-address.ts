import type { AddressData } from '../../events';
import { LIMITS } from '../domain/validation';

/** The parts of an address a provider found; anything left out is null. */
export type AddressParts = Partial<Record<'line1' | 'city' | 'stateOrProvince' | 'postalCode' | 'country', string | null>> & {
  readonly latitude?: number | null;
  readonly longitude?: number | null;
};

const TEXT_LIMITS = {
  line1: LIMITS.addressLine,
  city: LIMITS.city,
  stateOrProvince: LIMITS.stateOrProvince,
  postalCode: LIMITS.postalCode,
  country: LIMITS.country,
} as const;

/**
 * An address `AddressInput` accepts as it is: parts trimmed and NFC-normalized; a part that is blank, longer
 * than its limit or not a single line, and a coordinate out of range, is left out (null) rather than cut.
 */
export function fitAddress(parts: AddressParts): AddressData {
  const text = (key: keyof typeof TEXT_LIMITS): string | null => {
    const value = parts[key];
    if (typeof value !== 'string') return null;
    const normalized = value.normalize('NFC').trim();
    return normalized.length > 0 && [...normalized].length <= TEXT_LIMITS[key] && !/[\p{Cc}]/u.test(normalized) ? normalized : null;
  };
  const coordinate = (value: number | null | undefined, limit: number): number | null =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
  return {
    line1: text('line1'),
    line2: null,
    line3: null,
    city: text('city'),
    stateOrProvince: text('stateOrProvince'),
    postalCode: text('postalCode'),
    country: text('country'),
    latitude: coordinate(parts.latitude, 90),
    longitude: coordinate(parts.longitude, 180),
  };
}

/** The label of a suggestion: its non-empty parts, comma-separated, without repeating a part. */
export function labelOf(parts: readonly (string | null | undefined)[]): string {
  const shown: string[] = [];
  for (const part of parts) {
    const text = part?.trim();
    if (text && !shown.includes(text)) shown.push(text);
  }
  return shown.join(', ');
}

/** The non-blank parts joined by `separator`, or null when there is none: `joined(' ', street, houseNumber)`. */
export function joined(separator: string, ...parts: readonly (string | null | undefined)[]): string | null {
  const present = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return present.length > 0 ? present.join(separator) : null;
}
