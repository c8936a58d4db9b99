import { userByEmail } from '../../projections/user/user.queries';
import { ensureAdministrator } from '../app/bootstrap';
import { seedDemoBook } from '../seed/demo-book';
import { cliContext, note, withCrm } from './cli-context';

export async function seedCommand(options: { accounts: number; contacts: number; seed: number; as?: string }): Promise<void> {
  const { as, ...counts } = options;
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  }
  await withCrm(async (crm, config) => {
    await ensureAdministrator(crm, config.adminEmail);
    const email = as ?? config.adminEmail;
    const owner = await userByEmail(crm.db, email);
    if (!owner) throw new Error(`No user with the e-mail address ${email} to own the demo records (use --as <email>)`);
    const started = Date.now();
    const summary = await seedDemoBook(crm.commands(cliContext(owner.id)), {
      ...counts,
      onProgress: (done, total) => {
        if (done % 250 === 0 || done === total) note(`seeded ${done}/${total}`);
      },
    });
    note(
      `Seeded ${summary.accounts} accounts (${summary.deactivatedAccounts} deactivated) and ${summary.contacts} contacts ` +
        `(${summary.linkedContacts} linked to an account) in ${Date.now() - started} ms`,
    );
  });
}
