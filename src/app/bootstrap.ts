import { SYSTEM_ACTOR_ID } from '../../events';
import type { Crm } from './open-crm';

/**
 * On first start with an empty event store, registers the first administrator (as the system actor) and
 * returns its id once the read models show it; returns null when the store already holds events. Processes
 * starting together register it once: they share the idempotency key.
 */
export async function ensureAdministrator(crm: Crm, email: string, name = 'Administrator'): Promise<string | null> {
  if ((await crm.store.headPosition()) > 0) return null;
  const outcome = await crm
    .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system', idempotencyKey: 'bootstrap-administrator' })
    .registerUser({ email, name, roles: ['ADMINISTRATOR', 'SALES_MANAGER'] });
  await crm.readYourWrites(outcome.checkpoint);
  return outcome.result.id;
}
