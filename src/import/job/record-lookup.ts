import { sql, type Kysely } from 'kysely';
import type { ReadModels } from '../../../projections/read-models';

/** An existing record a row may be a duplicate of (or link to). */
export interface ExistingRecord {
  readonly id: string;
  readonly active: boolean;
  /** A contact's account; null for accounts and contacts without one. */
  readonly accountId: string | null;
  /** A contact's folded first name (to tell people with the same last name apart). */
  readonly firstNameKey: string | null;
}

/** Lower-cases ASCII letters only, as SQLite's `lower()` does (so the expression index on `lower(email)` serves). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/gu, (letters) => letters.toLowerCase());
}

/** At most this many values per `in (…)`. */
const IN_LIST = 500;
const STATES = ['ACTIVE', 'INACTIVE'] as const;

/**
 * Finds existing accounts and contacts in the read models by what imports match on, many values per
 * statement: contacts by e-mail (case-insensitive) or by last name, accounts by account number
 * (case-insensitive) or by folded name. Results are keyed by the value as asked.
 */
export class RecordLookup {
  constructor(private readonly db: Kysely<ReadModels>) {}

  /** Contacts by e-mail, keyed by the e-mail lower-cased. */
  async contactsByEmail(emails: readonly string[]): Promise<Map<string, ExistingRecord[]>> {
    return this.grouped(emails, async (chunk) => {
      const rows = await this.db
        .selectFrom('contacts')
        .select(['id', 'state', 'account_id', 'first_name_key', 'email'])
        .where(sql<string>`lower(email)`, 'in', chunk.map(asciiLower))
        .execute();
      return rows.map((row) => [(row.email ?? '').trim().toLowerCase(), record(row.id, row.state, row.account_id, row.first_name_key)]);
    });
  }

  /** Contacts by folded last name, keyed by it (filter by first name and account afterwards). */
  async contactsByLastName(lastNameKeys: readonly string[]): Promise<Map<string, ExistingRecord[]>> {
    return this.grouped(lastNameKeys, async (chunk) => {
      const rows = await this.db
        .selectFrom('contacts')
        .select(['id', 'state', 'account_id', 'first_name_key', 'last_name_key'])
        .where('state', 'in', STATES)
        .where('last_name_key', 'in', chunk)
        .execute();
      return rows.map((row) => [row.last_name_key, record(row.id, row.state, row.account_id, row.first_name_key)]);
    });
  }

  /** Accounts by account number, keyed by it lower-cased. */
  async accountsByNumber(numbers: readonly string[]): Promise<Map<string, ExistingRecord[]>> {
    return this.grouped(numbers, async (chunk) => {
      const rows = await this.db
        .selectFrom('accounts')
        .select(['id', 'state', 'account_number'])
        .where(sql<string>`lower(account_number)`, 'in', chunk.map(asciiLower))
        .execute();
      return rows.map((row) => [(row.account_number ?? '').trim().toLowerCase(), record(row.id, row.state, null, null)]);
    });
  }

  /** Accounts by folded name, keyed by it. */
  async accountsByNameKey(nameKeys: readonly string[]): Promise<Map<string, ExistingRecord[]>> {
    return this.grouped(nameKeys, async (chunk) => {
      const rows = await this.db
        .selectFrom('accounts')
        .select(['id', 'state', 'name_key'])
        .where('state', 'in', STATES)
        .where('name_key', 'in', chunk)
        .execute();
      return rows.map((row) => [row.name_key, record(row.id, row.state, null, null)]);
    });
  }

  private async grouped(
    values: readonly string[],
    query: (chunk: string[]) => Promise<(readonly [string, ExistingRecord])[]>,
  ): Promise<Map<string, ExistingRecord[]>> {
    const found = new Map<string, ExistingRecord[]>();
    const distinct = [...new Set(values)];
    for (let start = 0; start < distinct.length; start += IN_LIST) {
      for (const [key, existing] of await query(distinct.slice(start, start + IN_LIST))) {
        const list = found.get(key) ?? [];
        list.push(existing);
        found.set(key, list);
      }
    }
    return found;
  }
}

function record(id: string, state: string, accountId: string | null, firstNameKey: string | null): ExistingRecord {
  return { id, active: state === 'ACTIVE', accountId, firstNameKey };
}
