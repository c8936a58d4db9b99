import { assertNever } from '../shared/assert-never';

/** Which address provider answers, and how to reach it: from the environment (`loadAddressProviderConfig`). */
export type AddressProviderConfig =
  | { readonly kind: 'offline' }
  | { readonly kind: 'azure-maps'; readonly url: string; readonly key: string; readonly timeoutMs: number }
  | { readonly kind: 'photon'; readonly url: string; readonly timeoutMs: number };

export type AddressProviderKind = AddressProviderConfig['kind'];
export const ADDRESS_PROVIDER_KINDS = ['offline', 'azure-maps', 'photon'] as const satisfies readonly AddressProviderKind[];

export const OFFLINE_ADDRESS_PROVIDER: AddressProviderConfig = { kind: 'offline' };
export const DEFAULT_AZURE_MAPS_URL = 'https://atlas.microsoft.com';
export const DEFAULT_ADDRESS_PROVIDER_TIMEOUT_MS = 1500;
const MAX_TIMEOUT_MS = 60_000;

/** A setting of the address provider is missing or malformed: the server refuses to start. */
export class AddressProviderConfigError extends Error {
  override readonly name = 'AddressProviderConfigError';
}

/**
 * Reads `ADDRESS_PROVIDER` (`offline`, the default; `azure-maps`; `photon`), `AZURE_MAPS_KEY` (required for
 * azure-maps), `AZURE_MAPS_URL` (default https://atlas.microsoft.com), `PHOTON_URL` (required for photon: a
 * Photon server of your own, or one whose terms allow your traffic) and `ADDRESS_PROVIDER_TIMEOUT_MS` (default 1500).
 */
export function loadAddressProviderConfig(env: NodeJS.ProcessEnv): AddressProviderConfig {
  const kind = env.ADDRESS_PROVIDER?.trim().toLowerCase() || 'offline';
  if (!isKind(kind)) {
    throw new AddressProviderConfigError(`ADDRESS_PROVIDER must be one of ${ADDRESS_PROVIDER_KINDS.join(', ')}, got "${kind}"`);
  }
  switch (kind) {
    case 'offline':
      return OFFLINE_ADDRESS_PROVIDER;
    case 'azure-maps': {
      const key = env.AZURE_MAPS_KEY?.trim();
      if (!key) throw new AddressProviderConfigError('ADDRESS_PROVIDER=azure-maps needs AZURE_MAPS_KEY (the Azure Maps account key)');
      return { kind, key, url: httpUrl('AZURE_MAPS_URL', env.AZURE_MAPS_URL ?? DEFAULT_AZURE_MAPS_URL), timeoutMs: timeout(env) };
    }
    case 'photon': {
      if (!env.PHOTON_URL?.trim()) throw new AddressProviderConfigError('ADDRESS_PROVIDER=photon needs PHOTON_URL (the Photon server)');
      return { kind, url: httpUrl('PHOTON_URL', env.PHOTON_URL), timeoutMs: timeout(env) };
    }
    default:
      return assertNever(kind);
  }
}

function isKind(value: string): value is AddressProviderKind {
  return (ADDRESS_PROVIDER_KINDS as readonly string[]).includes(value);
}

function httpUrl(variable: string, value: string): string {
  let url: URL | null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new AddressProviderConfigError(`${variable} must be an http(s) URL without a query, got "${value}"`);
  }
  return url.toString().replace(/\/+$/u, '');
}

function timeout(env: NodeJS.ProcessEnv): number {
  const text = env.ADDRESS_PROVIDER_TIMEOUT_MS?.trim();
  if (!text) return DEFAULT_ADDRESS_PROVIDER_TIMEOUT_MS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw new AddressProviderConfigError(
      `ADDRESS_PROVIDER_TIMEOUT_MS must be a whole number of ms from 1 to ${MAX_TIMEOUT_MS}, got "${text}"`,
    );
  }
  return value;
}
