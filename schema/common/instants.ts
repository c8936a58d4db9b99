/** A DateTime argument as the commands take it: an ISO-8601 text in UTC (null and absent pass through). */
export function toInstant(value: Date | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : value.toISOString();
}
