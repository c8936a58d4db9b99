import { SYSTEM_ACTOR_ID } from '../../events';
import { countUsers } from '../../projections/user/user.queries';
import type { Crm } from './open-crm';

/**
 * On first start with no users, registers the first administrator (as the system actor) and returns its id;
 * returns null when users already exist.
 */
export async function ensureAdministrator(crm: Crm, email: string, name = 'Administrator'): Promise<string | null> {
  if ((await countUsers(crm.db)) > 0) return null;
  const outcome = await crm
    .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system', idempotencyKey: `bootstrap-administrator` })
    .registerUser({ email, name, roles: ['ADMINISTRATOR', 'SALES_MANAGER'] });
  return outcome.result.id;
}
