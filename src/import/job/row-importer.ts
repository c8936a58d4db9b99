import type { DuplicateHandlingName, ImportEntityName, ImportRowProblem } from '../../../events/import.events';
import { importRowCausation } from '../../../events/import.events';
import { foldText } from '../../../projections/search-text';
import type { Crm } from '../../app/open-crm';
import type { CommandContext, CommandOutcome } from '../../commands/command-handler';
import type { CrmCommands, RecordResult } from '../../commands/crm-commands';
import type { AccountFieldsInput } from '../../domain/account/account.commands';
import type { ContactFieldsInput } from '../../domain/contact/contact.commands';
import { DomainError } from '../../domain/errors';
import type { RejectedRow } from '../../domain/import/import-job.commands';
import type { AddressInput } from '../../domain/validation';
import { CATCH_UP_START, compareCheckpoints, type CatchUpCheckpoint } from '../../event-store/event-store';
import { assertNever } from '../../shared/assert-never';
import type { ConvertedRow } from '../mapping/row-converter';
import { AccountLinker, type AccountRef, type CreatedAccount, type LinkResult } from './account-linker';
import { DryRunAppend, dryRunCommands } from './dry-run-commands';
import { DRY_RUN_RECORD, KeyChain, type KeyHolder } from './key-chain';
import { RecordLookup, type ExistingRecord } from './record-lookup';
import { problemsOf } from './row-problems';

export interface RowImporterOptions {
  readonly jobId: string;
  readonly entity: ImportEntityName;
  readonly duplicates: DuplicateHandlingName;
  readonly dryRun: boolean;
  readonly createMissingAccounts: boolean;
  /** Who the records are imported as (and owned by). */
  readonly actorId: string;
  /** The column a field is read from, for a problem about a field a row left empty. */
  readonly columnFor?: (field: string) => string | null;
}

/** What a batch of rows did, beyond the records' own events. */
export interface BatchOutcome {
  readonly lastRow: number;
  /** Rows that changed nothing: duplicates skipped, or updates that found nothing to change. */
  readonly skipped: number;
  readonly dryRunCreated: number;
  readonly dryRunUpdated: number;
  readonly rejected: readonly RejectedRow[];
  /** Rows that created or updated a record. */
  readonly written: number;
}

type RowOutcome =
  | { readonly kind: 'created' | 'updated' | 'unchanged' | 'skipped'; readonly holder: KeyHolder }
  | { readonly kind: 'rejected'; readonly problems: readonly ImportRowProblem[] }
  /** Imported by an earlier run of the job (a re-run): counted then. */
  | { readonly kind: 'done' };

/** A row ready to import: its values as command input, its duplicate keys, the account it names. */
interface PreparedRow {
  readonly row: ConvertedRow;
  readonly input: AccountFieldsInput | ContactFieldsInput;
  /** The key the row is matched on (e-mail, or name + account for contacts; account number, or name, for accounts), then the other. */
  readonly keys: readonly RowKey[];
  readonly ref: AccountRef | null;
}

interface RowKey {
  /** The in-flight key: e-mail, number, or name (with the account named, for contacts). */
  readonly chain: string;
  readonly lookup: { readonly by: 'email' | 'lastName' | 'number' | 'name'; readonly value: string; readonly firstNameKey?: string };
}

/**
 * Imports rows through the CRM's commands, a batch at a time with every row of the batch in flight at once, so
 * the event store's group commit writes them in a few transactions. For each row: the account it names is
 * found (or created), duplicates are looked for in the read models and among the rows still in flight, and
 * the row creates, updates or skips a record as asked. A refused row becomes a rejection with its problems;
 * it never stops the others. Every command carries the job as correlation and `<job>:<row>` as causation.
 */
export class RowImporter {
  private readonly chain: KeyChain;
  private readonly lookup: RecordLookup;
  private readonly linker: AccountLinker | null;
  private readonly dry: CrmCommands;

  constructor(
    private readonly crm: Crm,
    private readonly options: RowImporterOptions,
  ) {
    this.chain = new KeyChain(options.dryRun);
    this.lookup = new RecordLookup(crm.db);
    this.dry = dryRunCommands(crm, this.context(importRowCausation(options.jobId, 0)));
    this.linker =
      options.entity === 'CONTACT'
        ? new AccountLinker(this.lookup, options.createMissingAccounts, (name, number, row) => this.createAccount(name, number, row))
        : null;
  }

  /**
   * Imports a batch (rows in file order; `done` tells rows an earlier run imported) and resolves once its
   * changes are visible in the read models, where the next batches look for duplicates.
   */
  async importBatch(rows: readonly ConvertedRow[], batch: number, done: (row: number) => boolean): Promise<BatchOutcome> {
    const prepared = rows.map((row) => this.prepare(row));
    // Registering in file order, before anything is awaited, is what lets a row wait for an earlier duplicate.
    const claims = prepared.map((row) =>
      done(row.row.row) || row.row.problems.length > 0 || this.options.duplicates === 'CREATE'
        ? null
        : this.chain.claim(
            row.keys.map((key) => key.chain),
            batch,
          ),
    );
    const [existing] = await Promise.all([
      this.findExisting(prepared.flatMap((row, index) => (claims[index] && !claims[index].previous && row.keys[0] ? [row.keys[0]] : []))),
      this.linker?.prefetch(
        prepared.flatMap((row) => (row.ref ? [row.ref] : [])),
        batch,
      ),
    ]);
    let checkpoint: CatchUpCheckpoint = CATCH_UP_START;
    const outcomes = await Promise.all(
      prepared.map(async (row, index): Promise<RowOutcome> => {
        const claim = claims[index] ?? null;
        if (done(row.row.row)) return { kind: 'done' };
        let outcome: RowOutcome;
        try {
          outcome = await this.importRow(row, batch, claim?.previous ?? null, existing, (reached) => {
            if (compareCheckpoints(reached, checkpoint) > 0) checkpoint = reached;
          });
        } catch (error) {
          claim?.settle([]);
          throw error;
        }
        claim?.settle(outcome.kind === 'rejected' || outcome.kind === 'done' ? [] : this.holdersOf(outcome, row));
        return outcome;
      }),
    );
    await this.crm.readYourWrites(checkpoint);
    this.chain.release(batch);
    this.linker?.release(batch);
    return summarize(rows, outcomes, this.options.dryRun);
  }

  private context(causationId: string): CommandContext {
    return { actorId: this.options.actorId, source: 'import', correlationId: this.options.jobId, causationId };
  }

  private commandsFor(causationId: string): CrmCommands {
    return this.options.dryRun ? this.dry : this.crm.commands(this.context(causationId));
  }

  private prepare(row: ConvertedRow): PreparedRow {
    const values = row.values;
    const text = (field: string) => {
      const value = values.get(field);
      return typeof value === 'string' && value.trim() !== '' ? value : null;
    };
    if (this.options.entity === 'ACCOUNT') {
      const number = text('accountNumber');
      const name = text('name');
      const keys: RowKey[] = [];
      if (number) keys.push({ chain: `n:${number.trim().toLowerCase()}`, lookup: { by: 'number', value: number.trim().toLowerCase() } });
      if (name) keys.push({ chain: `a:${foldText(name)}`, lookup: { by: 'name', value: foldText(name) } });
      return { row, input: accountInput(values), keys, ref: null };
    }
    const ref: AccountRef = {
      number: text('accountNumber'),
      name: text('accountName'),
      numberColumn: row.columns.get('accountNumber') ?? null,
      nameColumn: row.columns.get('accountName') ?? null,
    };
    const email = text('email');
    const first = text('firstName');
    const last = text('lastName');
    const keys: RowKey[] = [];
    if (email) keys.push({ chain: `e:${email.trim().toLowerCase()}`, lookup: { by: 'email', value: email.trim().toLowerCase() } });
    if (first && last) {
      const company = ref.number ? `n:${ref.number.trim().toLowerCase()}` : ref.name ? `a:${foldText(ref.name)}` : '';
      keys.push({
        chain: `p:${foldText(first)}|${foldText(last)}|${company}`,
        lookup: { by: 'lastName', value: foldText(last), firstNameKey: foldText(first) },
      });
    }
    return { row, input: contactInput(values), keys, ref: ref.name || ref.number ? ref : null };
  }

  /** Existing records for the main keys of rows that have no duplicate in flight, a few statements per batch (keyed `<by>:<value>`). */
  private async findExisting(keys: readonly RowKey[]): Promise<Map<string, ExistingRecord[]>> {
    const wanted = (by: RowKey['lookup']['by']) => keys.flatMap((key) => (key.lookup.by === by ? [key.lookup.value] : []));
    const [emails, lastNames, numbers, names] = await Promise.all([
      this.lookup.contactsByEmail(wanted('email')),
      this.lookup.contactsByLastName(wanted('lastName')),
      this.lookup.accountsByNumber(wanted('number')),
      this.lookup.accountsByNameKey(wanted('name')),
    ]);
    const found = new Map<string, ExistingRecord[]>();
    for (const [prefix, map] of [
      ['email', emails],
      ['lastName', lastNames],
      ['number', numbers],
      ['name', names],
    ] as const)
      for (const [value, records] of map) found.set(`${prefix}:${value}`, records);
    return found;
  }

  private async importRow(
    prepared: PreparedRow,
    batch: number,
    previous: Promise<KeyHolder> | null,
    existing: ReadonlyMap<string, ExistingRecord[]>,
    reached: (checkpoint: CatchUpCheckpoint) => void,
  ): Promise<RowOutcome> {
    const { row } = prepared;
    if (row.problems.length > 0) return { kind: 'rejected', problems: [...row.problems, ...(await this.validationProblems(prepared))] };
    const link: LinkResult = prepared.ref && this.linker ? await this.linker.resolve(prepared.ref, row.row, batch) : { kind: 'none' };
    if (link.kind === 'problem') return { kind: 'rejected', problems: [link.problem] };
    const accountId = link.kind === 'linked' ? link.accountId : null;
    const match = this.options.duplicates === 'CREATE' ? [] : await this.matchOf(prepared, previous, existing, accountId);
    const causation = importRowCausation(this.options.jobId, row.row);
    try {
      if (match.length === 0) return await this.create(prepared, accountId, causation, reached);
      if (match.length > 1)
        return this.options.duplicates === 'SKIP'
          ? { kind: 'skipped', holder: null }
          : rejected(prepared, `${match.length} existing ${this.noun()}s match this row; it cannot tell which to update`);
      const target = match[0]!;
      if (this.options.duplicates === 'SKIP') return { kind: 'skipped', holder: target };
      return await this.update(prepared, target, accountId, link, causation, reached);
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'rejected', problems: this.problems(error, prepared) };
      throw error;
    }
  }

  /** The records the row duplicates: what an earlier row in flight left under its main key, or what the read models hold. */
  private async matchOf(
    prepared: PreparedRow,
    previous: Promise<KeyHolder> | null,
    existing: ReadonlyMap<string, ExistingRecord[]>,
    accountId: string | null,
  ): Promise<{ readonly id: string; readonly accountId: string | null }[]> {
    const main = prepared.keys[0];
    if (!main) return [];
    let candidates: readonly ExistingRecord[] | undefined;
    if (previous) {
      const holder = await previous;
      if (holder) return [holder];
      candidates = (await this.findExisting([main])).get(`${main.lookup.by}:${main.lookup.value}`);
    } else {
      candidates = existing.get(`${main.lookup.by}:${main.lookup.value}`);
    }
    const fitting = (candidates ?? []).filter(
      (candidate) =>
        main.lookup.by !== 'lastName' || (candidate.firstNameKey === main.lookup.firstNameKey && candidate.accountId === accountId),
    );
    return fitting.map((candidate) => ({ id: candidate.id, accountId: candidate.accountId }));
  }

  private async create(
    prepared: PreparedRow,
    accountId: string | null,
    causation: string,
    reached: (checkpoint: CatchUpCheckpoint) => void,
  ): Promise<RowOutcome> {
    const commands = this.commandsFor(causation);
    const outcome = await this.written(
      this.options.entity === 'ACCOUNT'
        ? commands.createAccount({ ...(prepared.input as AccountFieldsInput), name: (prepared.input as AccountFieldsInput).name ?? '' })
        : commands.createContact({
            ...(prepared.input as ContactFieldsInput),
            firstName: (prepared.input as ContactFieldsInput).firstName ?? '',
            lastName: (prepared.input as ContactFieldsInput).lastName ?? '',
            accountId,
          }),
    );
    if (outcome === 'dry-run') return { kind: 'created', holder: { id: DRY_RUN_RECORD, accountId } };
    reached(outcome.checkpoint);
    return { kind: 'created', holder: { id: outcome.result.id, accountId } };
  }

  private async update(
    prepared: PreparedRow,
    target: { readonly id: string; readonly accountId: string | null },
    accountId: string | null,
    link: LinkResult,
    causation: string,
    reached: (checkpoint: CatchUpCheckpoint) => void,
  ): Promise<RowOutcome> {
    if (link.kind === 'linked' && target.accountId !== null && target.accountId !== accountId && target.id !== DRY_RUN_RECORD)
      return rejected(prepared, 'the matching contact belongs to another account; change its account in the CRM first', 'accountName');
    if (target.id === DRY_RUN_RECORD) {
      // A record this dry run would have created: the row is checked as that record's data.
      const checked = await this.create(prepared, accountId, causation, reached);
      return checked.kind === 'created' ? { kind: 'updated', holder: { ...target, accountId: accountId ?? target.accountId } } : checked;
    }
    const commands = this.commandsFor(causation);
    const updated = await this.written(
      this.options.entity === 'ACCOUNT'
        ? commands.updateAccount({ ...(prepared.input as AccountFieldsInput), id: target.id })
        : commands.updateContact({ ...(prepared.input as ContactFieldsInput), id: target.id }),
    );
    const changed = updated === 'dry-run' || updated.events.length > 0;
    if (updated !== 'dry-run') reached(updated.checkpoint);
    const holder = { id: target.id, accountId: target.accountId ?? accountId };
    if (accountId !== null && target.accountId === null) {
      // The link is the row's main command only when the update changed nothing (one counted command per row).
      const linking = changed ? `${causation}:link` : causation;
      const linked = await this.written(this.commandsFor(linking).associateContacts({ accountId, contactIds: [target.id] }));
      if (linked === 'dry-run') return { kind: 'updated', holder };
      reached(linked.checkpoint);
      return { kind: changed || linked.events.length > 0 ? 'updated' : 'unchanged', holder };
    }
    return { kind: changed ? 'updated' : 'unchanged', holder };
  }

  /** Runs a command; in a dry run, reaching the append means it would have written (`dry-run`). */
  private async written<Result extends RecordResult | { readonly accountId: string; readonly contactIds: string[] }>(
    command: Promise<CommandOutcome<Result>>,
  ): Promise<CommandOutcome<Result> | 'dry-run'> {
    try {
      return await command;
    } catch (error) {
      if (error instanceof DryRunAppend) return 'dry-run';
      throw error;
    }
  }

  /** Creates an account a contact row names, as a helper command of that row. */
  private async createAccount(name: string, number: string | null, row: number): Promise<CreatedAccount> {
    const commands = this.commandsFor(`${importRowCausation(this.options.jobId, row)}:account`);
    try {
      const outcome = await this.written(commands.createAccount({ name, accountNumber: number }));
      if (outcome === 'dry-run') return 'would-create';
      await this.crm.readYourWrites(outcome.checkpoint);
      return { id: outcome.result.id };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        problem: problemsOf(error, () => null, [name, number ?? ''])
          .map((problem) => problem.message)
          .join('; '),
      };
    }
  }

  /**
   * What the command would say about a row that could not be converted (checked as a new record, without the
   * values that failed), so every problem of the row is listed at once.
   */
  private async validationProblems(prepared: PreparedRow): Promise<ImportRowProblem[]> {
    const input = prepared.input;
    try {
      await this.written(
        this.options.entity === 'ACCOUNT'
          ? this.dry.createAccount({ ...(input as AccountFieldsInput), name: (input as AccountFieldsInput).name ?? '' })
          : this.dry.createContact({
              ...(input as ContactFieldsInput),
              firstName: (input as ContactFieldsInput).firstName ?? '',
              lastName: (input as ContactFieldsInput).lastName ?? '',
            }),
      );
      return [];
    } catch (error) {
      if (error instanceof DomainError) return this.problems(error, prepared);
      throw error;
    }
  }

  private problems(error: DomainError, prepared: PreparedRow): ImportRowProblem[] {
    const columns = prepared.row.columns;
    const columnOf = (field: string) =>
      columns.get(field) ??
      (field === 'accountId'
        ? (prepared.ref?.nameColumn ?? prepared.ref?.numberColumn ?? null)
        : (this.options.columnFor?.(field) ?? null));
    return problemsOf(error, columnOf, [...prepared.row.values.values()].map(String));
  }

  /** What the row leaves under each of its keys for the rows behind it. */
  private holdersOf(outcome: Extract<RowOutcome, { holder: KeyHolder }>, prepared: PreparedRow): KeyHolder[] {
    const wrote = outcome.kind === 'created' || outcome.kind === 'updated';
    // The main key leads to the record the row matched or made; other keys only when the row wrote its values there.
    return prepared.keys.map((_, index) => (index === 0 || wrote ? outcome.holder : null));
  }

  private noun(): string {
    return this.options.entity === 'ACCOUNT' ? 'account' : 'contact';
  }
}

function rejected(prepared: PreparedRow, message: string, field: string | null = null): RowOutcome {
  const column = field === null ? null : (prepared.row.columns.get(field) ?? null);
  return { kind: 'rejected', problems: [{ column, field, message: field === null ? message : `${field}: ${message}` }] };
}

function summarize(rows: readonly ConvertedRow[], outcomes: readonly RowOutcome[], dryRun: boolean): BatchOutcome {
  let skipped = 0;
  let dryRunCreated = 0;
  let dryRunUpdated = 0;
  let written = 0;
  const rejectedRows: RejectedRow[] = [];
  outcomes.forEach((outcome, index) => {
    switch (outcome.kind) {
      case 'created':
        if (dryRun) dryRunCreated += 1;
        else written += 1;
        break;
      case 'updated':
        if (dryRun) dryRunUpdated += 1;
        else written += 1;
        break;
      case 'unchanged':
      case 'skipped':
        skipped += 1;
        break;
      case 'rejected':
        rejectedRows.push({ row: rows[index]!.row, problems: outcome.problems });
        break;
      case 'done':
        break;
      default:
        assertNever(outcome);
    }
  });
  return { lastRow: rows[rows.length - 1]?.row ?? 0, skipped, dryRunCreated, dryRunUpdated, rejected: rejectedRows, written };
}

type Values = ReadonlyMap<string, string | number>;

function text(values: Values, field: string): string | undefined {
  const value = values.get(field);
  return typeof value === 'string' ? value : undefined;
}

function number(values: Values, field: string): number | undefined {
  const value = values.get(field);
  return typeof value === 'number' ? value : undefined;
}

/** The account fields a row has (a field the row lacks is left out, so an update keeps it). */
function accountInput(values: Values): AccountFieldsInput {
  return {
    name: text(values, 'name'),
    accountNumber: text(values, 'accountNumber'),
    phone: text(values, 'phone'),
    email: text(values, 'email'),
    website: text(values, 'website'),
    industry: text(values, 'industry'),
    annualRevenue: text(values, 'annualRevenue'),
    numberOfEmployees: number(values, 'numberOfEmployees'),
    description: text(values, 'description'),
    address: addressInput(values),
  };
}

/** The contact fields a row has (the account it names is linked separately). */
function contactInput(values: Values): ContactFieldsInput {
  return {
    firstName: text(values, 'firstName'),
    lastName: text(values, 'lastName'),
    jobTitle: text(values, 'jobTitle'),
    email: text(values, 'email'),
    phone: text(values, 'phone'),
    mobilePhone: text(values, 'mobilePhone'),
    description: text(values, 'description'),
    address: addressInput(values),
  };
}

/** The address parts a row has; undefined when it has none (an update then keeps the address). */
function addressInput(values: Values): AddressInput | undefined {
  const address: AddressInput = {
    line1: text(values, 'address.line1'),
    line2: text(values, 'address.line2'),
    line3: text(values, 'address.line3'),
    city: text(values, 'address.city'),
    stateOrProvince: text(values, 'address.stateOrProvince'),
    postalCode: text(values, 'address.postalCode'),
    country: text(values, 'address.country'),
    latitude: number(values, 'address.latitude'),
    longitude: number(values, 'address.longitude'),
  };
  return Object.values(address).some((part) => part !== undefined) ? address : undefined;
}
