import { AsyncLocalStorage } from 'node:async_hooks';

/** What the server knows about the request being handled, wherever the code runs on its behalf. */
export interface RequestScope {
  readonly requestId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
