import { AddressProviderError, AddressProviderTimeoutError } from './address-provider.errors';

/**
 * GETs a JSON document, aborting the request (connection and body alike) after `timeoutMs`. Rejects with an
 * `AddressProviderError` on a network failure, a non-2xx status or a body that is not JSON, and with an
 * `AddressProviderTimeoutError` on the time limit. Errors never quote the URL: it may carry an API key.
 */
export async function fetchJson(provider: string, url: URL, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new AddressProviderError(provider, `answered HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch (error) {
      if (controller.signal.aborted) throw error;
      throw new AddressProviderError(provider, 'answered something that is not JSON', { cause: error });
    }
  } catch (error) {
    if (controller.signal.aborted) throw new AddressProviderTimeoutError(provider, timeoutMs);
    if (error instanceof AddressProviderError) throw error;
    throw new AddressProviderError(provider, 'could not be reached', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** `base` (which may end with a path, e.g. behind a proxy) with `path` appended and the query parameters set. */
export function endpoint(base: string, path: string, parameters: Readonly<Record<string, string | number | boolean | null>>): URL {
  const url = new URL(`${base.replace(/\/+$/u, '')}${path}`);
  for (const [name, value] of Object.entries(parameters)) if (value !== null) url.searchParams.set(name, String(value));
  return url;
}
