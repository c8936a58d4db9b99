/** An online provider could not answer (unreachable, an HTTP error, an answer of another shape). */
export class AddressProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${provider}: ${message}`, options);
    this.name = new.target.name;
  }
}

/** An online provider did not answer within its time limit; the request was aborted. */
export class AddressProviderTimeoutError extends AddressProviderError {
  constructor(
    provider: string,
    readonly timeoutMs: number,
  ) {
    super(provider, `no answer within ${timeoutMs} ms`);
  }
}
