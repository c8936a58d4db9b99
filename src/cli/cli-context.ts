import { userInfo } from 'node:os';
import { SYSTEM_ACTOR_ID } from '../../events';
import { openCrm, type Crm } from '../app/open-crm';
import type { CommandContext } from '../commands/command-handler';
import { loadConfig, type Config } from '../config';

/** Opens the configured CRM for one CLI command and closes it afterwards, whatever happens. */
export async function withCrm<T>(work: (crm: Crm, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const crm = await openCrm({ databaseUrl: config.databaseUrl, eventStoreUrl: config.eventStoreUrl, dataKey: config.dataKey });
  try {
    // With catch-up projections, read what every event so far says (a user just added, say).
    await crm.settle();
    const result = await work(crm, config);
    await crm.settle();
    return result;
  } finally {
    await crm.close();
  }
}

/** CLI commands act as the system, with the operating-system user recorded as the correlation. */
export function cliContext(actorId: string = SYSTEM_ACTOR_ID): CommandContext {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { actorId, source: 'cli', correlationId: `cli:${osUser}:${Date.now()}` };
}

/** Prints a line to stderr (stdout is kept for a command's output proper, e.g. a token). */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
