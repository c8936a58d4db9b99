import type { Crm } from '../../src/app/open-crm';
import type { CrmCommands } from '../../src/commands/crm-commands';
import { COMPANY_STEMS, FIRST_NAMES, INDUSTRIES, JOB_TITLES, LAST_NAMES } from '../../src/seed/demo-names';
import { foldForEmail } from '../../src/seed/email-local-part';
import { SeededRandom } from '../../src/seed/random';
import { runPool } from './timing';

export type CommandKind = 'createContact' | 'updateAccount' | 'associateContacts';
export const COMMAND_KINDS: readonly CommandKind[] = ['createContact', 'updateAccount', 'associateContacts'];

/** Commands kept outstanding by the pool, as a busy API server would. */
export const IN_FLIGHT = 64;
/** Contacts each associateContacts command links. */
const CONTACTS_PER_ASSOCIATION = 2;

/** What the command workloads need: an actor's commands, accounts to work on, unlinked contacts to link. */
export interface CommandFixture {
  readonly commands: CrmCommands;
  readonly accountIds: readonly string[];
  /** Unlinked contacts, handed out in order to associateContacts commands. */
  readonly freeContactIds: readonly string[];
  nextFreeContact: number;
}

/**
 * Prepares a fixture (untimed): creates `newAccounts` accounts, or takes up to `existingAccounts` active accounts
 * from the read model, and creates `freeContacts` unlinked contacts, all through the command facade.
 */
export async function prepareFixture(
  crm: Crm,
  actorId: string,
  options: { readonly newAccounts?: number; readonly existingAccounts?: number; readonly freeContacts: number; readonly seed: number },
): Promise<CommandFixture> {
  const commands = crm.commands({ actorId, source: 'api' });
  const accountIds: string[] = [];
  if (options.existingAccounts) {
    const rows = await crm.db
      .selectFrom('accounts')
      .select('id')
      .where('state', '=', 'ACTIVE')
      .orderBy('id')
      .limit(options.existingAccounts)
      .execute();
    accountIds.push(...rows.map((row) => row.id));
  }
  const newAccounts = options.newAccounts ?? 0;
  await runPool(newAccounts, IN_FLIGHT, async (index) => {
    const random = randomFor(options.seed, 'account', index);
    const stem = random.pick(COMPANY_STEMS);
    const outcome = await commands.createAccount({
      name: `${stem} ${index + 1}`,
      accountNumber: `BEN-${String(100000 + index)}`,
      email: `biuro@${foldForEmail(stem)}${index}.example.com`,
      industry: random.pick(INDUSTRIES),
      numberOfEmployees: random.int(3, 5000),
      address: { line1: `ul. Długa ${random.int(1, 180)}`, city: 'Kraków', postalCode: '30-001', country: 'Polska' },
    });
    accountIds[index] = outcome.result.id;
  });
  const freeContactIds: string[] = [];
  await runPool(options.freeContacts, IN_FLIGHT, async (index) => {
    const outcome = await commands.createContact(contactRequest(randomFor(options.seed, 'free', index), index, null));
    freeContactIds[index] = outcome.result.id;
  });
  return { commands, accountIds, freeContactIds, nextFreeContact: 0 };
}

/** How many unlinked contacts `count` commands of a kind (or of the mix) will link. */
export function freeContactsNeeded(kind: CommandKind | 'mixed', count: number): number {
  if (kind === 'associateContacts') return count * CONTACTS_PER_ASSOCIATION;
  if (kind === 'mixed') return Math.ceil(count / COMMAND_KINDS.length) * CONTACTS_PER_ASSOCIATION;
  return 0;
}

/**
 * The `index`-th command of a workload, built from the index alone (so the requests do not depend on the
 * order in which the pool happens to start them). `mixed` rotates through the three kinds.
 */
export function issueCommand(fixture: CommandFixture, kind: CommandKind | 'mixed', index: number, seed: number): Promise<unknown> {
  const actual = kind === 'mixed' ? COMMAND_KINDS[index % COMMAND_KINDS.length]! : kind;
  const random = randomFor(seed, actual, index);
  switch (actual) {
    case 'createContact': {
      const accountId = random.chance(0.7) ? random.pick(fixture.accountIds) : null;
      return fixture.commands.createContact(contactRequest(random, index, accountId));
    }
    case 'updateAccount':
      return fixture.commands.updateAccount({
        id: random.pick(fixture.accountIds),
        phone: `+48 ${random.int(12, 91)} ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
        description: `Reviewed on call ${index}: ${random.pick(JOB_TITLES)} interested.`,
      });
    case 'associateContacts': {
      const start = fixture.nextFreeContact;
      fixture.nextFreeContact += CONTACTS_PER_ASSOCIATION;
      const contactIds = fixture.freeContactIds.slice(start, start + CONTACTS_PER_ASSOCIATION);
      if (contactIds.length < CONTACTS_PER_ASSOCIATION) throw new Error('The fixture ran out of unlinked contacts');
      return fixture.commands.associateContacts({ accountId: random.pick(fixture.accountIds), contactIds });
    }
  }
}

function contactRequest(random: SeededRandom, index: number, accountId: string | null) {
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  return {
    firstName,
    lastName,
    jobTitle: random.pick(JOB_TITLES),
    email: `${foldForEmail(firstName)}.${foldForEmail(lastName)}.${index}@example.com`,
    phone: `+48 ${random.int(500, 899)} ${random.int(100, 999)} ${random.int(100, 999)}`,
    accountId,
  };
}

const KIND_SALT: Readonly<Record<string, number>> = { account: 1, free: 2, createContact: 3, updateAccount: 4, associateContacts: 5 };

/** A generator for one command: seeded by the run's seed, the kind and the index. */
function randomFor(seed: number, kind: string, index: number): SeededRandom {
  return new SeededRandom(Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul((KIND_SALT[kind] ?? 9) * 1_000_003 + index, 0x85ebca6b));
}
