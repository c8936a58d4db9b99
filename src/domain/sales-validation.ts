import type { InputCheck, Patch } from './validation';

/** Field lengths of the sales records, in characters, as the leading CRM sets them. */
export const SALES_LIMITS = {
  topic: 300,
  quoteName: 300,
  invoiceName: 300,
  activitySubject: 200,
  activityDescription: 2000,
} as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/u;
/** Instants outside these years are typing mistakes rather than sales dates. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

/** An instant as an ISO-8601 text with an offset; returned in UTC with milliseconds ("2026-03-01T09:30:00.000Z"). */
export function checkInstant(check: InputCheck, field: string, value: Patch<string>): Patch<string> {
  if (value === undefined || value === null) return value;
  const text = typeof value === 'string' ? value.trim() : '';
  const instant = ISO_INSTANT.test(text) ? new Date(text) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    check.fail(field, 'must be an ISO-8601 instant such as "2026-03-01T09:30:00Z"');
    return undefined;
  }
  const year = instant.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    check.fail(field, `must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
    return undefined;
  }
  return instant.toISOString();
}

/** A money amount that must be given: non-negative, at most two decimals, returned with exactly two ("1250.50"). */
export function requiredAmount(check: InputCheck, field: string, value: string | null | undefined): string {
  if (value === undefined || value === null) {
    check.fail(field, 'is required');
    return '0.00';
  }
  return check.amount(field, value) ?? '0.00';
}

/** An instant that must be given. */
export function requiredInstant(check: InputCheck, field: string, value: string | null | undefined): string {
  if (value === undefined || value === null) {
    check.fail(field, 'is required');
    return '';
  }
  return checkInstant(check, field, value) ?? '';
}

/** One of the allowed values (the GraphQL enum checks this too; commands from elsewhere are checked here). */
export function checkChoice<T extends string>(check: InputCheck, field: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  check.fail(field, `must be one of ${allowed.join(', ')}`);
  return undefined;
}
