import { rolesOf, userByEmail } from '../../projections/user/user.queries';
import { DomainError } from '../domain/errors';
import { PersonalDataService } from '../personal-data/personal-data-service';
import { cliContext, note, withCrm } from './cli-context';

/** The administrator the CLI acts as for a person's rights (`--as`, default ADMIN_EMAIL). */
async function administrator(crm: Parameters<Parameters<typeof withCrm>[0]>[0], email: string) {
  const user = await userByEmail(crm.db, email);
  if (!user) throw new Error(`No user with the e-mail address ${email} (use --as <administrator e-mail>)`);
  return user;
}

/** `crm gdpr export <contactId>`: everything held about a contact, as JSON on stdout. */
export async function gdprExportCommand(contactId: string, options: { as?: string }): Promise<void> {
  await withCrm(async (crm, config) => {
    const user = await administrator(crm, options.as ?? config.adminEmail);
    try {
      const document = await new PersonalDataService(crm).exportContact(contactId, rolesOf(user), crm.clock.now());
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  });
}

/** `crm gdpr erase <contactId> --reason …`: erases a contact's personal data. */
export async function gdprEraseCommand(contactId: string, options: { reason: string; as?: string }): Promise<void> {
  await withCrm(async (crm, config) => {
    const user = await administrator(crm, options.as ?? config.adminEmail);
    try {
      const outcome = await new PersonalDataService(crm).eraseContact(cliContext(user.id), { contactId, reason: options.reason });
      note(outcome.events.length > 0 ? `Erased the personal data of contact ${contactId}` : `Contact ${contactId} was already erased`);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  });
}
