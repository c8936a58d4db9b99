#!/usr/bin/env node
import './production-mode';
import 'reflect-metadata';
import { Command, Option } from 'commander';
import { auditExportCommand, historyCommand, verifyCommand } from './audit.command';
import { gdprEraseCommand, gdprExportCommand } from './gdpr.command';
import { kpisCommand } from './kpis.command';
import { importCommand } from './import.command';
import { rebuildCommand } from './rebuild.command';
import { seedCommand } from './seed.command';
import { tokenCommand } from './token.command';
import { userAddCommand, userRolesCommand, userStateCommand } from './user.command';

/** `--role`, repeatable and required. */
function roleOption(): Option {
  return new Option('--role <role>', 'SALESPERSON, SALES_MANAGER, ADMINISTRATOR or AUDITOR (repeatable, case-insensitive)')
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .makeOptionMandatory();
}

/** `crm`: the CRM's command line. Reads the same configuration as the server (environment and .env). */
const program = new Command('crm').description('Event-sourced CRM: accounts, contacts and their history').showHelpAfterError();

program
  .command('serve')
  .description('Run the GraphQL server')
  // Loaded only to serve: the GraphQL stack (Apollo, type-graphql) would add about 30 MB to every other command.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .action(() => (require('./serve.command') as typeof import('./serve.command')).serveCommand());

program
  .command('rebuild')
  .description('Replay every event into fresh read-model tables (all projections, or the ones named)')
  .argument('[projections...]', 'projection names, e.g. accounts contacts users')
  .action(rebuildCommand);

program
  .command('token')
  .description('Print a bearer token for a user, alone on stdout')
  .requiredOption('--user <email>', 'the user’s e-mail address')
  .option('--expires-in <duration>', 'lifetime, e.g. 30d, 12h, 900s', '30d')
  .action(tokenCommand);

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description('Register a user')
  .requiredOption('--email <email>', 'e-mail address (unique)')
  .requiredOption('--name <name>', 'display name')
  .addOption(roleOption())
  .action(userAddCommand);
user
  .command('roles')
  .description("Replace a user's roles")
  .requiredOption('--email <email>', 'the user')
  .addOption(roleOption())
  .action(userRolesCommand);
user
  .command('deactivate')
  .description('Deactivate a user: their tokens are refused from now on')
  .requiredOption('--email <email>', 'the user')
  .action((options: { email: string }) => userStateCommand(false, options));
user
  .command('activate')
  .description('Activate a deactivated user again')
  .requiredOption('--email <email>', 'the user')
  .action((options: { email: string }) => userStateCommand(true, options));

program
  .command('seed')
  .description('Fill the CRM with a realistic demo book: accounts, contacts, opportunities, quotes, invoices and activities')
  .option('--accounts <n>', 'how many accounts', (value) => Number.parseInt(value, 10), 300)
  .option('--contacts <n>', 'how many contacts', (value) => Number.parseInt(value, 10), 800)
  .option(
    '--activities <n>',
    'how many activities over the last 90 days (0: no sales records)',
    (value) => Number.parseInt(value, 10),
    3000,
  )
  .option('--seed <n>', 'random seed (same seed, same data)', (value) => Number.parseInt(value, 10), 42)
  .option('--as <email>', 'the user who creates and owns the records (default: ADMIN_EMAIL)')
  .action(seedCommand);

program
  .command('import')
  .description('Import accounts or contacts from a CSV, XLSX, XML, vCard or Outlook file; exit code 1 when rows were rejected')
  .argument('<file>', 'the file to import')
  .requiredOption('--entity <entity>', 'account or contact')
  .option('--dry-run', 'report what would happen, write nothing')
  .option('--duplicates <handling>', 'skip, update or create, for rows matching an existing record', 'skip')
  .option(
    '--map <Column=field>',
    'map a column to a field ("Column=" ignores it); repeatable',
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  )
  .option('--format <format>', 'csv, xlsx, xml-spreadsheet, xml, vcard or outlook-csv (detected when left out)')
  .option('--encoding <encoding>', 'the text encoding, e.g. windows-1250 (detected when left out)')
  .option('--create-missing-accounts', 'contacts: create the accounts their rows name that do not exist yet')
  .option('--as <email>', 'the user who imports and owns the records; needs the import privilege (default: ADMIN_EMAIL)')
  .action(importCommand);

program
  .command('history')
  .description("Print a record's timeline, oldest first: time, actor, event and the changes it made")
  .argument('<recordType>', 'account, contact, user, …')
  .argument('<id>', 'the record')
  .action(historyCommand);

program.command('verify').description('Walk the hash chain over every event; exit code 2 when it is broken').action(verifyCommand);

program
  .command('audit-export')
  .description('Stream the audit log, oldest first, to stdout')
  .option('--from <instant>', 'from this date or instant (inclusive)')
  .option('--to <instant>', 'until this date or instant (inclusive)')
  .option('--format <format>', 'ndjson or csv', 'ndjson')
  .action(auditExportCommand);

program
  .command('kpis')
  .description('List the active accounts by relationship health score, with their figures (docs/analytics.md)')
  .option('--top <n>', 'how many accounts', (value) => Number.parseInt(value, 10), 20)
  .option('--csv', 'print CSV instead of a table')
  .action(kpisCommand);

const gdpr = program.command('gdpr').description("A person's rights: access (export) and erasure");
gdpr
  .command('export')
  .description('Print everything held about a contact, as JSON')
  .argument('<contactId>', 'the contact')
  .option('--as <email>', 'the administrator acting (default: ADMIN_EMAIL)')
  .action(gdprExportCommand);
gdpr
  .command('erase')
  .description("Erase a contact's personal data (its history stays, with the values erased)")
  .argument('<contactId>', 'the contact')
  .requiredOption('--reason <text>', 'why (the request this answers); kept in the audit trail')
  .option('--as <email>', 'the administrator acting (default: ADMIN_EMAIL)')
  .action(gdprEraseCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
