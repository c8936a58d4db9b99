import type { AppendRequest, AppendResult, EventStore } from '../event-store/event-store';

/**
 * An event store that tells the projectors of every process when it appended, for stores that cannot
 * announce appends themselves (KurrentDB; PostgreSQL events with read models elsewhere).
 */
export function announcingAppends(store: EventStore, announce: () => Promise<void>): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'append') {
        return async (request: AppendRequest): Promise<AppendResult> => {
          const result = await target.append(request);
          await announce().catch(() => undefined);
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
