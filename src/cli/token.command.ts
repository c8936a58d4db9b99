import { userByEmail } from '../../projections/user/user.queries';
import { issueToken } from '../auth/tokens';
import { withCrm } from './cli-context';

export async function tokenCommand(options: { user: string; expiresIn: string }): Promise<void> {
  await withCrm(async (crm, config) => {
    const user = await userByEmail(crm.db, options.user);
    if (!user) throw new Error(`No user with the e-mail address ${options.user} (add one with: crm user add --email … --name … --role …)`);
    process.stdout.write(`${await issueToken(config.jwtSecret, user.id, options.expiresIn)}\n`);
  });
}
