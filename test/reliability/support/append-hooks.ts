import type { Server } from 'node:http';
import type { Crm } from '../../../src/app/open-crm';
import type { EventStore } from '../../../src/event-store/event-store';

/** Runs `before` just before the CRM's next append and `after` once it committed (before the answer is sent). */
export function onNextAppend(crm: Crm, hooks: { before?: () => Promise<void>; after?: () => Promise<void> }): void {
  const store = crm.store as { append: EventStore['append'] };
  const original = store.append;
  store.append = async (request) => {
    store.append = original;
    await hooks.before?.();
    const result = await original.call(crm.store, request);
    await hooks.after?.();
    return result;
  };
}

/** Counts the HTTP requests a server is still working on (answered or abandoned ones are done). */
export function trackInFlight(server: Server): { count(): number } {
  let open = 0;
  server.on('request', (_request, response: { once(event: 'close', listener: () => void): void }) => {
    open += 1;
    response.once('close', () => (open -= 1));
  });
  return { count: () => open };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
