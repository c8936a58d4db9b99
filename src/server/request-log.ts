/** A request as pino-http serializes it: the parts a log line shows. */
export interface SerializedRequest {
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** Headers that carry credentials: a log line says whether they were sent, never what they hold. */
const SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * The request as logged, without credentials: anyone who reads the logs (operators, log shippers, a support
 * ticket) could otherwise replay a user's bearer token until it expires.
 */
export function withoutCredentials(request: SerializedRequest): SerializedRequest {
  const headers = request.headers;
  if (!headers || !SECRET_HEADERS.some((name) => name in headers)) return request;
  const redacted: Record<string, unknown> = { ...headers };
  for (const name of SECRET_HEADERS) if (name in redacted) redacted[name] = '[redacted]';
  return { ...request, headers: redacted };
}
