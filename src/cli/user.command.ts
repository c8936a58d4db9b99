import type { Role } from '../../events';
import { DomainError } from '../domain/errors';
import { cliContext, note, withCrm } from './cli-context';

export async function userAddCommand(options: { email: string; name: string; role: string[] }): Promise<void> {
  await withCrm(async (crm) => {
    try {
      const outcome = await crm
        .commands(cliContext())
        .registerUser({ email: options.email, name: options.name, roles: options.role.map((role) => role.toUpperCase() as Role) });
      note(`Registered ${options.email} (${options.role.map((role) => role.toUpperCase()).join(', ')})`);
      process.stdout.write(`${outcome.result.id}\n`);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  });
}
