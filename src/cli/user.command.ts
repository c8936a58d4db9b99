import type { Role } from '../../events';
import { userByEmail } from '../../projections/user/user.queries';
import type { Crm } from '../app/open-crm';
import { DomainError } from '../domain/errors';
import { cliContext, note, withCrm } from './cli-context';

/** Runs user management as the system (an operator at the machine), with refusals as one readable line. */
async function asOperator<T>(work: (crm: Crm) => Promise<T>): Promise<T> {
  return withCrm(async (crm) => {
    try {
      return await work(crm);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  });
}

async function userIdOf(crm: Crm, email: string): Promise<string> {
  const user = await userByEmail(crm.db, email);
  if (!user) throw new Error(`No user with the e-mail address ${email}`);
  return user.id;
}

const rolesOf = (roles: readonly string[]) => roles.map((role) => role.toUpperCase() as Role);

/** `crm user add`: registers a user; prints their id on stdout. */
export async function userAddCommand(options: { email: string; name: string; role: string[] }): Promise<void> {
  await asOperator(async (crm) => {
    const outcome = await crm
      .commands(cliContext())
      .registerUser({ email: options.email, name: options.name, roles: rolesOf(options.role) });
    note(`Registered ${options.email} (${rolesOf(options.role).join(', ')})`);
    process.stdout.write(`${outcome.result.id}\n`);
  });
}

/** `crm user roles`: replaces a user's roles. */
export async function userRolesCommand(options: { email: string; role: string[] }): Promise<void> {
  await asOperator(async (crm) => {
    await crm.commands(cliContext()).changeUserRoles({ userId: await userIdOf(crm, options.email), roles: rolesOf(options.role) });
    note(`${options.email} now holds ${rolesOf(options.role).join(', ')}`);
  });
}

/** `crm user deactivate` / `crm user activate`. */
export async function userStateCommand(active: boolean, options: { email: string }): Promise<void> {
  await asOperator(async (crm) => {
    const userId = await userIdOf(crm, options.email);
    const commands = crm.commands(cliContext());
    await (active ? commands.activateUser({ userId }) : commands.deactivateUser({ userId }));
    note(`${options.email} is ${active ? 'active' : 'deactivated: their tokens are refused'}`);
  });
}
