import type { CrmCommands } from '../commands/crm-commands';
import { foldForEmail } from './email-local-part';
import { CITIES, COMPANY_STEMS, COMPANY_SUFFIXES, FIRST_NAMES, INDUSTRIES, JOB_TITLES, LAST_NAMES, STREETS } from './demo-names';
import { SeededRandom } from './random';

export interface DemoBookOptions {
  readonly accounts: number;
  readonly contacts: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoBookSummary {
  readonly accounts: number;
  readonly contacts: number;
  readonly linkedContacts: number;
  readonly deactivatedAccounts: number;
}

/**
 * Creates a realistic demo book through the ordinary commands (so it is validated and event-sourced like
 * real data): accounts with addresses and revenue, contacts mostly linked to accounts, a few deactivated.
 * The same seed gives the same book.
 */
export async function seedDemoBook(commands: CrmCommands, options: DemoBookOptions): Promise<DemoBookSummary> {
  const random = new SeededRandom(options.seed);
  const total = options.accounts + options.contacts;
  const accountIds: string[] = [];
  const creations: Promise<void>[] = [];
  for (let i = 0; i < options.accounts; i += 1) {
    const stem = random.pick(COMPANY_STEMS);
    const name = `${stem}${random.pick(COMPANY_SUFFIXES)}${i >= COMPANY_STEMS.length ? ` ${Math.floor(i / COMPANY_STEMS.length) + 1}` : ''}`;
    const place = random.pick(CITIES);
    const domain = `${foldForEmail(stem)}${i}.example.com`;
    creations.push(
      commands
        .createAccount({
          name,
          accountNumber: `ACC-${String(10000 + i)}`,
          phone: `+48 ${random.int(12, 91)} ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
          email: `biuro@${domain}`,
          website: `https://www.${domain}`,
          industry: random.pick(INDUSTRIES),
          annualRevenue: `${random.int(1, 5000) * 10000}.00`,
          numberOfEmployees: random.int(3, 5000),
          address: {
            line1: `ul. ${random.pick(STREETS)} ${random.int(1, 180)}`,
            city: place.city,
            stateOrProvince: place.region,
            postalCode: `${place.postal}${String(random.int(0, 999)).padStart(3, '0')}`,
            country: place.country,
            latitude: place.lat,
            longitude: place.lon,
          },
        })
        .then((outcome) => {
          accountIds[i] = outcome.result.id;
        }),
    );
    if (creations.length >= 64) await Promise.all(creations.splice(0));
    options.onProgress?.(i + 1, total);
  }
  await Promise.all(creations.splice(0));

  let linked = 0;
  for (let i = 0; i < options.contacts; i += 1) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const accountId = accountIds.length > 0 && random.chance(0.85) ? random.pick(accountIds) : null;
    if (accountId) linked += 1;
    creations.push(
      commands
        .createContact({
          firstName,
          lastName,
          jobTitle: random.pick(JOB_TITLES),
          email: `${foldForEmail(firstName)}.${foldForEmail(lastName)}${i}@example.com`,
          phone: `+48 ${random.int(500, 899)} ${random.int(100, 999)} ${random.int(100, 999)}`,
          accountId,
        })
        .then(() => undefined),
    );
    if (creations.length >= 64) await Promise.all(creations.splice(0));
    options.onProgress?.(options.accounts + i + 1, total);
  }
  await Promise.all(creations.splice(0));

  const toDeactivate = accountIds.filter(() => random.chance(0.05));
  for (const id of toDeactivate) await commands.deactivateAccount({ id });
  return { accounts: accountIds.length, contacts: options.contacts, linkedContacts: linked, deactivatedAccounts: toDeactivate.length };
}
