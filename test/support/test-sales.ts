import type { JsonValue } from '../../events';
import type { Crm } from '../../src/app/open-crm';
import type { CommandContext, CommandHandler, CommandOutcome } from '../../src/commands/command-handler';
import { SalesCommands } from '../../src/commands/sales-commands';
import type { TestCrm } from './test-crm';

/**
 * Commands that each answer only once the read models include their change (as the API does), so a test can query
 * right after a command on any database (catch-up projections included).
 */
export function readingYourWrites<Commands extends object>(crm: Crm, commands: Commands): Commands {
  return new Proxy(commands, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'as') return value;
      return async (...args: unknown[]) => {
        const command = value as (...a: unknown[]) => Promise<CommandOutcome<JsonValue>>;
        const outcome = await command.apply(target, args);
        await crm.readYourWrites(outcome.checkpoint);
        return outcome;
      };
    },
  });
}

/** The sales commands of a test CRM, as the default user (or the given context); `handler` stands for another process's. */
export function salesCommands(t: TestCrm, context: Partial<CommandContext> = {}, handler: CommandHandler = t.crm.handler): SalesCommands {
  return readingYourWrites(t.crm, new SalesCommands(handler, { actorId: t.userId, source: 'api', ...context }));
}

/** The error a refused command threw (fails the test when it was not refused). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused');
}
