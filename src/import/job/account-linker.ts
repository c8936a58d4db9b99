import type { ImportRowProblem } from '../../../events/import.events';
import { foldText } from '../../../projections/search-text';
import { assertNever } from '../../shared/assert-never';
import type { ExistingRecord, RecordLookup } from './record-lookup';

/** The account a contact's row names: by number, by name, or both (the number is tried first). */
export interface AccountRef {
  readonly number: string | null;
  readonly name: string | null;
  readonly numberColumn: string | null;
  readonly nameColumn: string | null;
}

export type LinkResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'linked'; readonly accountId: string }
  /** A dry run would have created the account (so the contact is checked without it). */
  | { readonly kind: 'would-create' }
  | { readonly kind: 'problem'; readonly problem: ImportRowProblem };

/** What a missing account's creation gives: its id, `would-create` in a dry run, or why it was refused. */
export type CreatedAccount = { readonly id: string } | 'would-create' | { readonly problem: string };

type Found =
  | { readonly kind: 'found'; readonly account: ExistingRecord }
  | { readonly kind: 'ambiguous'; readonly count: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'created'; readonly id: string }
  | { readonly kind: 'would-create' }
  | { readonly kind: 'failed'; readonly problem: string };

interface Entry {
  readonly found: Promise<Found>;
  /** The batch that made it; entries of batches visible in the read models may be forgotten. */
  readonly batch: number;
}

/** How many looked-up accounts are remembered between batches. */
const REMEMBERED = 10_000;

/**
 * Finds the account each contact row names: by account number, else by name (folded: accents and case do not
 * matter); an active account is preferred to an inactive one with the same name, and a name that fits several
 * is a problem. A missing account is created once (the first row that needs it creates it, later ones wait
 * for it) when the import asks for that, and is a problem otherwise.
 */
export class AccountLinker {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lookup: RecordLookup,
    private readonly createMissing: boolean,
    private readonly create: (name: string, number: string | null, row: number) => Promise<CreatedAccount>,
  ) {}

  /** Looks up, in a few statements, every account the rows of a batch name that is not known yet. */
  async prefetch(refs: readonly AccountRef[], batch: number): Promise<void> {
    const numbers = unknownKeys(
      this.entries,
      refs.flatMap((ref) => (ref.number ? [numberKey(ref.number)] : [])),
    );
    const names = unknownKeys(
      this.entries,
      refs.flatMap((ref) => (ref.name ? [nameKey(ref.name)] : [])),
    );
    // Entries are in place before the first await, so rows resolving meanwhile wait for these lookups.
    const byNumber = numbers.length > 0 ? this.lookup.accountsByNumber(numbers.map(valueOf)) : null;
    const byName = names.length > 0 ? this.lookup.accountsByNameKey(names.map(valueOf)) : null;
    for (const key of numbers) this.entries.set(key, { found: byNumber!.then((found) => choose(found.get(valueOf(key)))), batch });
    for (const key of names) this.entries.set(key, { found: byName!.then((found) => choose(found.get(valueOf(key)))), batch });
    await Promise.all([byNumber, byName]);
  }

  async resolve(ref: AccountRef, row: number, batch: number): Promise<LinkResult> {
    if (!ref.number && !ref.name) return { kind: 'none' };
    if (ref.number) {
      const byNumber = await this.entryFor(numberKey(ref.number), batch).found;
      const result = this.linkTo(byNumber, 'accountNumber', ref.numberColumn);
      if (result) return result;
      if (!ref.name)
        return problem('accountNumber', ref.numberColumn, 'no account has this account number (give the company name to create one)');
    }
    const key = nameKey(ref.name!);
    const entry = this.entryFor(key, batch);
    let found = await entry.found;
    if (found.kind === 'missing' && this.createMissing) {
      // The first row to get here creates the account; rows behind it find its entry replaced and wait for it.
      const current = this.entries.get(key);
      if (current === entry) {
        const creation = this.create(ref.name!.trim(), ref.number?.trim() || null, row).then(createdAs);
        this.entries.set(key, { found: creation, batch });
      }
      found = await this.entries.get(key)!.found;
    }
    if (found.kind === 'missing')
      return problem('accountName', ref.nameColumn, 'no account has this name (import with createMissingAccounts to create it)');
    return this.linkTo(found, 'accountName', ref.nameColumn) ?? { kind: 'none' };
  }

  /** Forgets the oldest accounts found by batches up to `batch` (they are in the read models now), keeping REMEMBERED. */
  release(batch: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= REMEMBERED) return;
      if (entry.batch <= batch) this.entries.delete(key);
    }
  }

  /** The entry of `key`, looked up on its own (and registered at once) when no batch lookup made it. */
  private entryFor(key: string, batch: number): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      const query = key.startsWith('n:') ? this.lookup.accountsByNumber([valueOf(key)]) : this.lookup.accountsByNameKey([valueOf(key)]);
      entry = { found: query.then((found) => choose(found.get(valueOf(key)))), batch };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private linkTo(found: Found, field: string, column: string | null): LinkResult | null {
    switch (found.kind) {
      case 'found':
        return found.account.active
          ? { kind: 'linked', accountId: found.account.id }
          : problem(field, column, 'the account is inactive: activate it in the CRM first');
      case 'created':
        return { kind: 'linked', accountId: found.id };
      case 'would-create':
        return { kind: 'would-create' };
      case 'ambiguous':
        return problem(field, column, `${found.count} accounts fit it: give the account number instead`);
      case 'failed':
        return problem(field, column, `the account could not be created: ${found.problem}`);
      case 'missing':
        return null;
      default:
        return assertNever(found);
    }
  }
}

function numberKey(number: string): string {
  return `n:${number.trim().toLowerCase()}`;
}

function nameKey(name: string): string {
  return `a:${foldText(name)}`;
}

/** The looked-up value of a key (`n:acc-1`, `a:contoso` → `acc-1`, `contoso`). */
function valueOf(key: string): string {
  return key.slice(2);
}

function unknownKeys(entries: ReadonlyMap<string, Entry>, keys: readonly string[]): string[] {
  return [...new Set(keys)].filter((key) => !entries.has(key));
}

/** The one account that fits: the only one, or the only active one among several. */
function choose(candidates: readonly ExistingRecord[] | undefined): Found {
  if (!candidates || candidates.length === 0) return { kind: 'missing' };
  if (candidates.length === 1) return { kind: 'found', account: candidates[0]! };
  const active = candidates.filter((candidate) => candidate.active);
  return active.length === 1
    ? { kind: 'found', account: active[0]! }
    : { kind: 'ambiguous', count: Math.max(active.length, candidates.length) };
}

function createdAs(created: CreatedAccount): Found {
  if (created === 'would-create') return { kind: 'would-create' };
  return 'id' in created ? { kind: 'created', id: created.id } : { kind: 'failed', problem: created.problem };
}

function problem(field: string, column: string | null, message: string): LinkResult {
  return { kind: 'problem', problem: { column, field, message: `${field}: ${message}` } };
}
