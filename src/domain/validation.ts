import type { AddressData } from '../../events';
import { ValidationError, type FieldIssue } from './errors';

/** What a client may send for an optional field: a value, `null` to clear it, or nothing to leave it. */
export type Patch<T> = T | null | undefined;

/** An address as a client sends it: each part may be left out (unchanged) or null (cleared). */
export interface AddressInput {
  readonly line1?: string | null;
  readonly line2?: string | null;
  readonly line3?: string | null;
  readonly city?: string | null;
  readonly stateOrProvince?: string | null;
  readonly postalCode?: string | null;
  readonly country?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
}

interface TextRule {
  readonly max: number;
  readonly multiline?: boolean;
}

// C0 controls other than tab/newline/carriage return, DEL, and C1 controls: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\r\n\t]/u;
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/u;
const PHONE = /^\+?[0-9\s().\-/]{3,}((\s*(x|ext\.?|wew\.?)\s*)[0-9]{1,6})?$/iu;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/u;

/** Field lengths, in characters, as the leading CRM sets them. */
export const LIMITS = {
  accountName: 160,
  accountNumber: 20,
  personName: 50,
  jobTitle: 100,
  email: 100,
  phone: 50,
  website: 200,
  industry: 100,
  description: 2000,
  addressLine: 250,
  city: 80,
  stateOrProvince: 50,
  postalCode: 20,
  country: 80,
} as const;

/** The largest amount accepted: 10^15 − 0.01 (what a money column of the leading CRM holds, and well inside exact decimals). */
const MAX_AMOUNT_DIGITS = 15;

/**
 * Collects every problem with a command's input before refusing it, so a client sees all of them at once.
 * Each method returns the normalized value (trimmed, NFC, empty → null) or `undefined` when the field was left out.
 */
export class InputCheck {
  private readonly issues: FieldIssue[] = [];

  fail(field: string, message: string): void {
    this.issues.push({ field, message });
  }

  /** Throws a `ValidationError` listing every problem, if there was any. */
  done(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }

  /** A text that must be present and non-blank. */
  required(field: string, value: string | null | undefined, rule: TextRule): string {
    const text = this.text(field, value, rule);
    if (text === undefined || text === null) {
      if (!this.issues.some((issue) => issue.field === field)) this.fail(field, 'is required and cannot be blank');
      return '';
    }
    return text;
  }

  text(field: string, value: Patch<string>, rule: TextRule): Patch<string> {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string') {
      this.fail(field, 'must be a string');
      return undefined;
    }
    if (!value.isWellFormed()) {
      this.fail(field, 'contains malformed Unicode');
      return undefined;
    }
    const text = value.normalize('NFC').trim();
    if (CONTROL.test(text) || (!rule.multiline && LINE_BREAK.test(text))) {
      this.fail(field, rule.multiline ? 'contains control characters' : 'must be a single line without control characters');
      return undefined;
    }
    if (text.length === 0) return null;
    const length = [...text].length;
    if (length > rule.max) {
      this.fail(field, `must be at most ${rule.max} characters (got ${length})`);
      return undefined;
    }
    return text;
  }

  email(field: string, value: Patch<string>): Patch<string> {
    const text = this.text(field, value, { max: LIMITS.email });
    if (text && !EMAIL.test(text)) {
      this.fail(field, `"${truncate(text)}" is not a valid e-mail address`);
      return undefined;
    }
    return text;
  }

  phone(field: string, value: Patch<string>): Patch<string> {
    const text = this.text(field, value, { max: LIMITS.phone });
    if (text && (!PHONE.test(text) || (text.match(/[0-9]/gu)?.length ?? 0) < 3)) {
      this.fail(field, `"${truncate(text)}" is not a valid phone number (digits, spaces, + ( ) - . / and an extension)`);
      return undefined;
    }
    return text;
  }

  /** A web address: http(s) with a host that has a dot; a bare host such as `contoso.com` is accepted as entered. */
  website(field: string, value: Patch<string>): Patch<string> {
    const text = this.text(field, value, { max: LIMITS.website });
    if (!text) return text;
    let url: URL | null;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `https://${text}`);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.') || /\s/u.test(text)) {
      this.fail(field, `"${truncate(text)}" is not a valid web address`);
      return undefined;
    }
    return text;
  }

  /** A non-negative exact decimal with at most two decimals, returned with exactly two ("1250.50"). */
  amount(field: string, value: Patch<string>): Patch<string> {
    if (value === undefined || value === null) return value;
    const text = typeof value === 'string' ? value.trim() : '';
    const match = DECIMAL.exec(text);
    if (!match) {
      this.fail(
        field,
        text.startsWith('-') ? 'must not be negative' : `"${truncate(String(value))}" is not a decimal amount such as "1250.00"`,
      );
      return undefined;
    }
    const [whole = '0', fraction = ''] = text.split('.');
    if (fraction.length > 2) {
      this.fail(field, 'must have at most 2 decimal places');
      return undefined;
    }
    if (whole.length > MAX_AMOUNT_DIGITS) {
      this.fail(field, `must be less than 10^${MAX_AMOUNT_DIGITS}`);
      return undefined;
    }
    return `${whole}.${fraction.padEnd(2, '0')}`;
  }

  integer(field: string, value: Patch<number>, min: number, max: number): Patch<number> {
    if (value === undefined || value === null) return value;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(field, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  coordinate(field: string, value: Patch<number>, limit: number): Patch<number> {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
      this.fail(field, `must be a number from -${limit} to ${limit}`);
      return undefined;
    }
    return value;
  }

  /**
   * An address merged over the current one: parts left out keep their value, parts set to null are cleared.
   * Returns null when every part ends up empty.
   */
  address(field: string, value: AddressInput | null | undefined, current: AddressData | null): Patch<AddressData> {
    if (value === undefined) return undefined;
    if (value === null) return null;
    const pick = <K extends keyof AddressData>(key: K, checked: AddressData[K] | undefined): AddressData[K] =>
      checked === undefined ? (current?.[key] ?? null) : checked;
    const part = (key: 'line1' | 'line2' | 'line3' | 'city' | 'stateOrProvince' | 'postalCode' | 'country', max: number) =>
      pick(key, this.text(`${field}.${key}`, value[key], { max }));
    const merged: AddressData = {
      line1: part('line1', LIMITS.addressLine),
      line2: part('line2', LIMITS.addressLine),
      line3: part('line3', LIMITS.addressLine),
      city: part('city', LIMITS.city),
      stateOrProvince: part('stateOrProvince', LIMITS.stateOrProvince),
      postalCode: part('postalCode', LIMITS.postalCode),
      country: part('country', LIMITS.country),
      latitude: pick('latitude', this.coordinate(`${field}.latitude`, value.latitude, 90)),
      longitude: pick('longitude', this.coordinate(`${field}.longitude`, value.longitude, 180)),
    };
    return Object.values(merged).every((part) => part === null) ? null : merged;
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** True when two JSON-like values are equal (used to keep only real changes in update events). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
