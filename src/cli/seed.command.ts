import { userByEmail } from '../../projections/user/user.queries';
import { ensureAdministrator } from '../app/bootstrap';
import { SalesCommands } from '../commands/sales-commands';
import { seedDemoBook } from '../seed/demo-book';
import { seedSalesBook } from '../seed/sales-book';
import { cliContext, note, withCrm } from './cli-context';

export async function seedCommand(options: {
  accounts: number;
  contacts: number;
  activities: number;
  seed: number;
  as?: string;
}): Promise<void> {
  const { as, activities, ...counts } = options;
  if (!Number.isInteger(activities) || activities < 0) throw new Error('--activities must be a whole number ≥ 0');
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  }
  await withCrm(async (crm, config) => {
    await ensureAdministrator(crm, config.adminEmail);
    const email = as ?? config.adminEmail;
    const owner = await userByEmail(crm.db, email);
    if (!owner) throw new Error(`No user with the e-mail address ${email} to own the demo records (use --as <email>)`);
    const started = Date.now();
    const context = cliContext(owner.id);
    const summary = await seedDemoBook(crm.commands(context), {
      ...counts,
      onProgress: (done, total) => {
        if (done % 250 === 0 || done === total) note(`seeded ${done}/${total}`);
      },
    });
    note(
      `Seeded ${summary.accounts} accounts (${summary.deactivatedAccounts} deactivated) and ${summary.contacts} contacts ` +
        `(${summary.linkedContacts} linked to an account) in ${Date.now() - started} ms`,
    );
    if (activities === 0) return;
    // The sales book picks its customers from the read models: they must hold every account just created.
    await crm.settle();
    const salesStarted = Date.now();
    const sales = await seedSalesBook(new SalesCommands(crm.handler, context), crm.db, {
      seed: counts.seed,
      activities,
      now: crm.clock.now(),
      onProgress: (done, total) => {
        if (done % 500 === 0 || done === total) note(`seeded sales records ${done}/${total}`);
      },
    });
    const { OPEN, WON, LOST } = sales.opportunities;
    note(
      `Seeded ${OPEN + WON + LOST} opportunities (${OPEN} open, ${WON} won, ${LOST} lost), ${sales.quotes} quotes, ` +
        `${sales.invoices} invoices and ${sales.activities} activities (${sales.replies} replies) in ${Date.now() - salesStarted} ms`,
    );
  });
}
