import type { Kysely } from 'kysely';
import type { ActivityType, Direction, OpportunityOutcome } from '../../events';
import type { ReadModels } from '../../projections/read-models';
import type { CommandOutcome } from '../commands/command-handler';
import type { RecordResult } from '../commands/crm-commands';
import type { SalesCommands } from '../commands/sales-commands';
import type { ParticipantInput } from '../domain/activity/activity.commands';
import { RecordInactiveError } from '../domain/errors';
import { formatMoney, multiplyMoney, parseMoney, sumMoney } from '../domain/money';
import { SeededRandom } from './random';
import { APPOINTMENT_SUBJECTS, CALL_SUBJECTS, EMAIL_SUBJECTS, OPPORTUNITY_TOPICS, PRODUCTS, TASK_SUBJECTS } from './sales-phrases';

export interface SalesBookOptions {
  readonly seed: number;
  /** How many activities to log at most (replies in e-mail threads included). */
  readonly activities: number;
  /** "Now": activities fall in the `days` before it, close dates and due dates after it. */
  readonly now: Date;
  /** How far back the activities go (90 days by default). */
  readonly days?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SalesBookSummary {
  readonly opportunities: Readonly<Record<OpportunityStatusName, number>>;
  readonly quotes: number;
  readonly invoices: number;
  readonly activities: number;
  /** E-mails that answer another e-mail. */
  readonly replies: number;
}

type OpportunityStatusName = 'OPEN' | OpportunityOutcome;

interface Customer {
  readonly accountId: string;
  readonly contactIds: readonly string[];
}

interface SeededOpportunity {
  readonly id: string;
  readonly customer: Customer;
  readonly status: OpportunityStatusName;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PARALLEL = 64;
/** The statuses opportunities end in, in turn: every status shows up in any book of five or more. */
const STATUS_CYCLE: readonly OpportunityStatusName[] = ['OPEN', 'WON', 'OPEN', 'LOST', 'OPEN'];
const ACTIVITY_MIX: readonly ActivityType[] = ['EMAIL', 'EMAIL', 'EMAIL', 'PHONE_CALL', 'PHONE_CALL', 'APPOINTMENT', 'TASK'];

/**
 * Adds the sales records to a demo book (run it after `seedDemoBook`), through the ordinary commands: opportunities
 * in every status for the active accounts and their contacts, quotes from open opportunities (totals computed from
 * line items, exactly), invoices from won ones, and activities over the last days — e-mail threads, phone calls,
 * appointments with several participants, tasks, incoming and outgoing. The same seed and book give the same records.
 * The customers come from the read models; one that turns out to be inactive after all (the read models may trail
 * the events) is skipped, as the rules refuse it.
 */
export async function seedSalesBook(sales: SalesCommands, db: Kysely<ReadModels>, options: SalesBookOptions): Promise<SalesBookSummary> {
  const random = new SeededRandom(options.seed + 5);
  const customers = await activeCustomers(db);
  const userIds = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((row) => row.id);
  const batch = new Batch();

  const created: { id: string | null; customer: Customer }[] = [];
  for (const customer of customers) {
    for (let n = random.int(0, 3); n > 0; n -= 1) {
      const entry: { id: string | null; customer: Customer } = { id: null, customer };
      created.push(entry);
      const request = {
        topic: random.pick(OPPORTUNITY_TOPICS),
        accountId: customer.accountId,
        contactId: customer.contactIds.length > 0 && random.chance(0.7) ? random.pick(customer.contactIds) : null,
        estimatedRevenue: `${random.int(5, 900) * 1000}.00`,
        estimatedCloseDate: new Date(options.now.getTime() + random.int(7, 180) * DAY_MS).toISOString(),
        probability: random.int(1, 19) * 5,
      };
      await batch.add(unlessInactive(sales.createOpportunity(request)).then((outcome) => (entry.id = outcome?.result.id ?? null)));
    }
  }
  await batch.drain();
  const opportunities: SeededOpportunity[] = created
    .filter((entry): entry is { id: string; customer: Customer } => entry.id !== null)
    .map((entry, index) => ({ ...entry, status: STATUS_CYCLE[index % STATUS_CYCLE.length]! }));

  // Quotes are made while the opportunities are still open; some are closed afterwards.
  const firstQuotes = new Map<string, { id: string; total: string }>();
  let quotes = 0;
  for (const opportunity of opportunities) {
    if (!random.chance(opportunity.status === 'LOST' ? 0.3 : 0.6)) continue;
    const totals = Array.from({ length: random.int(1, 2) }, () => quoteTotal(random));
    await batch.add(
      (async () => {
        for (const total of totals) {
          const outcome = await unlessInactive(sales.createQuoteFromOpportunity({ opportunityId: opportunity.id, totalAmount: total }));
          if (!outcome) return;
          quotes += 1;
          if (!firstQuotes.has(opportunity.id)) firstQuotes.set(opportunity.id, { id: outcome.result.id, total });
        }
      })(),
    );
  }
  await batch.drain();
  for (const opportunity of opportunities) {
    if (opportunity.status !== 'OPEN') await batch.add(sales.closeOpportunity({ id: opportunity.id, status: opportunity.status }));
  }
  await batch.drain();

  let invoices = 0;
  for (const opportunity of opportunities.filter((candidate) => candidate.status === 'WON')) {
    const quote = firstQuotes.get(opportunity.id);
    const request = {
      name: `Faktura ${opportunity.id.slice(-6)}`,
      ...(quote ? { quoteId: quote.id } : { opportunityId: opportunity.id }),
      totalAmount: quote?.total ?? quoteTotal(random),
      dueDate: new Date(options.now.getTime() + random.int(7, 45) * DAY_MS).toISOString(),
    };
    await batch.add(unlessInactive(sales.createInvoice(request)).then((outcome) => (invoices += outcome ? 1 : 0)));
  }
  await batch.drain();

  const activities = await seedActivities(sales, random, { customers, userIds, opportunities }, options, batch);
  const count = (status: OpportunityStatusName) => opportunities.filter((opportunity) => opportunity.status === status).length;
  return { opportunities: { OPEN: count('OPEN'), WON: count('WON'), LOST: count('LOST') }, quotes, invoices, ...activities };
}

/** A quote's total from a few line items: quantity × unit price less a discount, each rounded half-even to the cent. */
function quoteTotal(random: SeededRandom): string {
  const lines = Array.from({ length: random.int(1, 4) }, () => {
    const product = random.pick(PRODUCTS);
    const gross = multiplyMoney(parseMoney(product.unitPrice), String(random.int(1, 25)));
    const discount = random.pick(['0', '0.05', '0.1', '0.125', '0.15']);
    return gross - multiplyMoney(gross, discount);
  });
  return formatMoney(sumMoney(lines));
}

async function seedActivities(
  sales: SalesCommands,
  random: SeededRandom,
  book: {
    readonly customers: readonly Customer[];
    readonly userIds: readonly string[];
    readonly opportunities: readonly SeededOpportunity[];
  },
  options: SalesBookOptions,
  batch: Batch,
): Promise<{ activities: number; replies: number }> {
  if (book.customers.length === 0 || book.userIds.length === 0) return { activities: 0, replies: 0 };
  const days = options.days ?? 90;
  const now = options.now.getTime();
  const start = now - days * DAY_MS;
  const openOpportunities = book.opportunities.filter((opportunity) => opportunity.status === 'OPEN');
  let planned = 0;
  let logged = 0;
  let replies = 0;
  while (planned < options.activities) {
    const customer = random.pick(book.customers);
    const type = random.pick(ACTIVITY_MIX);
    const contactId = customer.contactIds.length > 0 ? random.pick(customer.contactIds) : null;
    const regarding = regardingFor(random, customer, contactId, openOpportunities);
    const occurredAt = start + random.int(0, days * 24 * 60 - 1) * 60_000;
    const direction: Direction = random.chance(0.5) ? 'OUTGOING' : 'INCOMING';
    const userId = random.pick(book.userIds);
    if (type === 'EMAIL') {
      // A thread: an e-mail and the replies to it, back and forth, each naming the e-mail before it.
      const length = Math.min(random.chance(0.3) ? random.int(2, 4) : 1, options.activities - planned);
      const subject = random.pick(EMAIL_SUBJECTS);
      const gaps = Array.from({ length }, () => random.int(10, 2 * 24 * 60) * 60_000);
      const participants: ParticipantInput[] = [{ userId }, ...(contactId ? [{ contactId }] : [])];
      planned += length;
      await batch.add(
        (async () => {
          let previous: string | null = null;
          let at = occurredAt;
          for (let n = 0; n < length; n += 1) {
            const outcome: CommandOutcome<RecordResult> | null = await unlessInactive(
              sales.logActivity({
                ...regarding,
                type,
                subject: n === 0 ? subject : `Re: ${subject}`,
                direction: (direction === 'OUTGOING') === (n % 2 === 0) ? 'OUTGOING' : 'INCOMING',
                occurredAt: new Date(Math.min(at, now)).toISOString(),
                participants,
                inReplyToActivityId: previous,
              }),
            );
            if (!outcome) return;
            logged += 1;
            replies += n > 0 ? 1 : 0;
            previous = outcome.result.id;
            at += gaps[n]!;
          }
        })(),
      );
    } else {
      planned += 1;
      const others = customer.contactIds.filter((id) => id !== contactId);
      const participants: ParticipantInput[] =
        type === 'APPOINTMENT'
          ? [
              { userId },
              ...(book.userIds.length > 1 && random.chance(0.5) ? [{ userId: random.pick(book.userIds) }] : []),
              ...(contactId ? [{ contactId }] : []),
              ...others.slice(0, random.int(1, 3)).map((id) => ({ contactId: id })),
            ]
          : [{ userId }, ...(contactId ? [{ contactId }] : [])];
      const subjects = type === 'PHONE_CALL' ? CALL_SUBJECTS : type === 'APPOINTMENT' ? APPOINTMENT_SUBJECTS : TASK_SUBJECTS;
      const request = {
        ...regarding,
        type,
        subject: random.pick(subjects),
        direction: type === 'TASK' ? null : direction,
        occurredAt: new Date(occurredAt).toISOString(),
        durationMinutes:
          type === 'PHONE_CALL' ? random.int(2, 45) : type === 'APPOINTMENT' ? random.int(2, 8) * 15 : random.int(1, 16) * 15,
        participants,
      };
      await batch.add(unlessInactive(sales.logActivity(request)).then((outcome) => (logged += outcome ? 1 : 0)));
    }
    options.onProgress?.(planned, options.activities);
  }
  await batch.drain();
  return { activities: logged, replies };
}

/** What an activity regards: mostly a contact, otherwise one of the account's open opportunities or the account. */
function regardingFor(
  random: SeededRandom,
  customer: Customer,
  contactId: string | null,
  openOpportunities: readonly SeededOpportunity[],
): { regardingAccountId?: string; regardingContactId?: string; regardingOpportunityId?: string } {
  const roll = random.next();
  if (contactId && roll < 0.5) return { regardingContactId: contactId };
  const opportunity = openOpportunities.find((candidate) => candidate.customer === customer);
  if (opportunity && roll < 0.7) return { regardingOpportunityId: opportunity.id };
  return { regardingAccountId: customer.accountId };
}

/** The active accounts with their active contacts, in a stable order. */
async function activeCustomers(db: Kysely<ReadModels>): Promise<Customer[]> {
  const accounts = await db.selectFrom('accounts').select('id').where('state', '=', 'ACTIVE').orderBy('id').execute();
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'account_id'])
    .where('state', '=', 'ACTIVE')
    .where('account_id', 'is not', null)
    .orderBy('id')
    .execute();
  const byAccount = new Map<string, string[]>();
  for (const contact of contacts) {
    const list = byAccount.get(contact.account_id!) ?? [];
    list.push(contact.id);
    byAccount.set(contact.account_id!, list);
  }
  return accounts.map((account) => ({ accountId: account.id, contactIds: byAccount.get(account.id) ?? [] }));
}

/** The command's outcome, or null when the record it hangs off turned out to be inactive (it is then skipped). */
async function unlessInactive<T>(command: Promise<T>): Promise<T | null> {
  try {
    return await command;
  } catch (error) {
    if (error instanceof RecordInactiveError) return null;
    throw error;
  }
}

/** Commands in flight, at most PARALLEL at a time (the store commits them in groups). */
class Batch {
  private readonly pending: Promise<unknown>[] = [];

  async add(work: Promise<unknown>): Promise<void> {
    this.pending.push(work);
    if (this.pending.length >= PARALLEL) await this.drain();
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}
