/** The URL schemes the KurrentDB client accepts; `esdb` is the EventStoreDB name, deprecated but still understood. */
const SCHEMES: Readonly<Record<string, string>> = {
  kurrentdb: 'kurrentdb',
  kurrent: 'kurrentdb',
  kdb: 'kurrentdb',
  esdb: 'kurrentdb',
  'kurrentdb+discover': 'kurrentdb+discover',
  'kurrent+discover': 'kurrentdb+discover',
  'kdb+discover': 'kurrentdb+discover',
  'esdb+discover': 'kurrentdb+discover',
};

const SCHEME = /^([a-z+]+):\/\//i;

/** True for a `kurrentdb://…`, `kurrentdb+discover://…` or `esdb://…` URL (how DATABASE_URL names a KurrentDB). */
export function isKurrentDbUrl(url: string): boolean {
  const scheme = SCHEME.exec(url.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && Object.hasOwn(SCHEMES, scheme);
}

/**
 * The connection string to give `KurrentDBClient.connectionString`: the same URL with an `esdb`/`kdb`/`kurrent`
 * scheme spelled `kurrentdb` (the client warns on `esdb` at every connection). Everything after the scheme —
 * hosts, credentials, `?tls=false&nodePreference=leader…` — is passed through unchanged for the client to parse.
 */
export function kurrentDbConnectionString(url: string): string {
  const trimmed = url.trim();
  const match = SCHEME.exec(trimmed);
  const scheme = match?.[1]?.toLowerCase();
  if (!match || scheme === undefined || !Object.hasOwn(SCHEMES, scheme)) {
    throw new Error(
      `Not a KurrentDB connection string: ${redactConnectionString(trimmed)} (expected kurrentdb://host:2113?tls=false, kurrentdb+discover://… or esdb://…)`,
    );
  }
  return `${SCHEMES[scheme]}://${trimmed.slice(match[0].length)}`;
}

/** The URL with any `user:password@` removed, for messages and logs. */
export function redactConnectionString(url: string): string {
  return url.replace(/\/\/[^/@]*@/u, '//***@');
}
