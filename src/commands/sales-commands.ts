import {
  streamIds,
  type AccountEvent,
  type ActivityEvent,
  type ContactEvent,
  type CrmEvent,
  type InvoiceEvent,
  type JsonValue,
  type OpportunityEvent,
  type QuoteEvent,
  type UserEvent,
} from '../../events';
import type { ActivityCommand, ActivityInput, ParticipantStates } from '../domain/activity/activity.commands';
import { activityDecider, activityParents } from '../domain/activity/activity.decider';
import type { ActivityState } from '../domain/activity/activity.state';
import { accountDecider } from '../domain/account/account.decider';
import type { AccountState } from '../domain/account/account.state';
import { contactDecider } from '../domain/contact/contact.decider';
import type { ContactState } from '../domain/contact/contact.state';
import { NotFoundError, type RecordKind } from '../domain/errors';
import type { InvoiceInput } from '../domain/invoice/invoice.commands';
import { invoiceDecider, invoiceOpportunityId, invoiceParents, splitInvoiceCreation } from '../domain/invoice/invoice.decider';
import { evolveInvoiceNumbers, type InvoiceState } from '../domain/invoice/invoice.state';
import type { OpportunityInput } from '../domain/opportunity/opportunity.commands';
import { opportunityDecider } from '../domain/opportunity/opportunity.decider';
import type { OpportunityState } from '../domain/opportunity/opportunity.state';
import { parentLinks, type ParentLink, type ParentStates } from '../domain/parent-records';
import { quoteDecider, quoteParents, splitQuoteCreation } from '../domain/quote/quote.decider';
import { evolveQuoteNumbers, type QuoteState } from '../domain/quote/quote.state';
import { initialNumberSequence, type NumberSequenceState } from '../domain/record-number';
import type { RecordRef } from '../domain/record-ref';
import { userDecider } from '../domain/user/user.decider';
import type { UserState } from '../domain/user/user.state';
import { assertNever } from '../shared/assert-never';
import { isUuid } from '../shared/ids';
import type { CommandContext, CommandHandler, CommandOutcome, CommandScope, Decision, Fold } from './command-handler';
import type { Idempotent, RecordResult } from './crm-commands';

export interface CreateOpportunityRequest extends OpportunityInput, Idempotent {
  readonly accountId?: string | null;
  readonly contactId?: string | null;
  /** The owner; the caller when left out. */
  readonly ownerId?: string | null;
}
export interface CloseOpportunityRequest extends Idempotent {
  readonly id: string;
  /** WON or LOST. */
  readonly status: string;
}
export interface CreateQuoteFromOpportunityRequest extends Idempotent {
  readonly opportunityId: string;
  readonly name?: string | null;
  readonly totalAmount: string;
}
export interface CreateInvoiceRequest extends InvoiceInput, Idempotent {}
export interface LogActivityRequest extends ActivityInput, Idempotent {}
/** The sales records that have an owner. */
export type OwnedSalesRecordType = 'OPPORTUNITY' | 'ACTIVITY';
export interface AssignSalesOwnerRequest extends Idempotent {
  readonly recordType: OwnedSalesRecordType;
  readonly id: string;
  readonly ownerId: string;
}

const accountFold: Fold<AccountState, AccountEvent> = accountDecider;
const contactFold: Fold<ContactState, ContactEvent> = contactDecider;
const userFold: Fold<UserState, UserEvent> = userDecider;
const opportunityFold: Fold<OpportunityState, OpportunityEvent> = opportunityDecider;
const quoteFold: Fold<QuoteState, QuoteEvent> = quoteDecider;
const invoiceFold: Fold<InvoiceState, InvoiceEvent> = invoiceDecider;
const activityFold: Fold<ActivityState, ActivityEvent> = activityDecider;
const quoteNumbersFold: Fold<NumberSequenceState, QuoteEvent> = { initialState: initialNumberSequence, evolve: evolveQuoteNumbers };
const invoiceNumbersFold: Fold<NumberSequenceState, InvoiceEvent> = { initialState: initialNumberSequence, evolve: evolveInvoiceNumbers };

/**
 * The commands on sales records (opportunities, quotes, invoices, activities), issued by one actor. Each loads
 * what its rules need, lets the domain decide and appends atomically. The accounts and contacts a new record
 * hangs off are conditions of the append: if one is deactivated meanwhile, the command re-decides and is refused.
 * Quote and invoice numbers come from a numbers' stream appended to in the same append, so they are unique and
 * gapless whatever runs concurrently (a command that lost the race for a number re-decides with the next one).
 */
export class SalesCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly context: CommandContext,
  ) {}

  /** The same commands issued by someone else. */
  as(context: CommandContext): SalesCommands {
    return new SalesCommands(this.handler, context);
  }

  /** Creates an OPEN opportunity for an active account and/or contact, owned by `ownerId` or else the caller. */
  createOpportunity(request: CreateOpportunityRequest): Promise<CommandOutcome<RecordResult>> {
    const opportunityId = this.handler.ids.next();
    const { idempotencyKey: _key, ownerId: requestedOwner, accountId, contactId, ...input } = request;
    return this.run('createOpportunity', request, async (scope) => {
      await scope.authorize('create');
      const ownerId = requestedOwner ?? this.context.actorId;
      const owner = await scope.load(streamIds.user(requireId(ownerId, 'user', 'ownerId')), userFold);
      const customer = { accountId: accountId ?? null, contactId: contactId ?? null };
      const parents = await this.loadParents(
        scope,
        parentLinks(customer.accountId, customer.contactId, { account: 'accountId', contact: 'contactId' }),
      );
      const stream = streamIds.opportunity(opportunityId);
      const state = scope.fresh(stream, opportunityFold);
      const events = opportunityDecider.decide(
        { type: 'CreateOpportunity', opportunityId, input, ownerId, owner, ...customer, parents: parents.states },
        state,
      );
      return { events: new Map([[stream, events]]), conditions: parents.streams, result: { id: opportunityId } };
    });
  }

  /** Closes an open opportunity as WON or LOST; it is read-only from then on. */
  closeOpportunity(request: CloseOpportunityRequest): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      'closeOpportunity',
      request,
      async (scope) => {
        const stream = streamIds.opportunity(requireId(request.id, 'opportunity', 'id'));
        const state = await scope.load(stream, opportunityFold);
        await scope.authorize('update', ownerOf(state));
        const events = opportunityDecider.decide({ type: 'CloseOpportunity', opportunityId: request.id, status: request.status }, state);
        return { events: new Map([[stream, events]]), result: { id: request.id } };
      },
      streamIds.opportunity(request.id),
    );
  }

  /**
   * Creates a quote from an open opportunity, for the opportunity's account, with the next quote number. The
   * opportunity (still open) and its account and contact (still active) are conditions of the append.
   */
  createQuoteFromOpportunity(request: CreateQuoteFromOpportunityRequest): Promise<CommandOutcome<RecordResult>> {
    const quoteId = this.handler.ids.next();
    const numbersStream = streamIds.quoteNumbers();
    return this.run(
      'createQuoteFromOpportunity',
      request,
      async (scope) => {
        await scope.authorize('create');
        const opportunityId = requireId(request.opportunityId, 'opportunity', 'opportunityId');
        const opportunityStream = streamIds.opportunity(opportunityId);
        const opportunity = await scope.load(opportunityStream, opportunityFold);
        const parents = await this.loadParents(scope, quoteParents(opportunity));
        const numbers = await scope.load(numbersStream, quoteNumbersFold);
        const stream = streamIds.quote(quoteId);
        const state = scope.fresh(stream, quoteFold);
        const decided = quoteDecider.decide(
          {
            type: 'CreateQuoteFromOpportunity',
            quoteId,
            opportunity: { id: opportunityId, state: opportunity },
            input: { name: request.name ?? null, totalAmount: request.totalAmount },
            parents: parents.states,
            numbers,
          },
          state,
        );
        const split = splitQuoteCreation(decided);
        return {
          events: new Map<string, CrmEvent[]>([
            [stream, split.quote],
            [numbersStream, split.numbers],
          ]),
          conditions: [opportunityStream, ...parents.streams],
          result: { id: quoteId },
        };
      },
      // One quote number at a time in this process; other processes race at the append and re-decide.
      numbersStream,
    );
  }

  /**
   * Creates an invoice for an account and/or a contact, optionally from an opportunity or a quote, with the next
   * invoice number. Every account and contact it hangs off is a condition of the append.
   */
  createInvoice(request: CreateInvoiceRequest): Promise<CommandOutcome<RecordResult>> {
    const invoiceId = this.handler.ids.next();
    const numbersStream = streamIds.invoiceNumbers();
    const { idempotencyKey: _key, ...input } = request;
    return this.run(
      'createInvoice',
      request,
      async (scope) => {
        await scope.authorize('create');
        const quoteId = optionalId(input.quoteId, 'quote', 'quoteId');
        const quote = quoteId ? { id: quoteId, state: await scope.load(streamIds.quote(quoteId), quoteFold) } : null;
        const opportunityId = optionalId(invoiceOpportunityId(input, quote?.state ?? null), 'opportunity', 'opportunityId');
        const opportunity = opportunityId
          ? { id: opportunityId, state: await scope.load(streamIds.opportunity(opportunityId), opportunityFold) }
          : null;
        const parents = await this.loadParents(scope, invoiceParents(input, quote, opportunity));
        const numbers = await scope.load(numbersStream, invoiceNumbersFold);
        const stream = streamIds.invoice(invoiceId);
        const state = scope.fresh(stream, invoiceFold);
        const decided = invoiceDecider.decide(
          { type: 'CreateInvoice', invoiceId, input, quote, opportunity, parents: parents.states, numbers },
          state,
        );
        const split = splitInvoiceCreation(decided);
        return {
          events: new Map<string, CrmEvent[]>([
            [stream, split.invoice],
            [numbersStream, split.numbers],
          ]),
          conditions: parents.streams,
          result: { id: invoiceId },
        };
      },
      numbersStream,
    );
  }

  /**
   * Logs an activity (e-mail, phone call, appointment, task) owned by the caller, who needs the privilege to log
   * activities regarding each record it regards. The accounts and contacts it regards, directly or through the
   * opportunity it regards, are conditions of the append.
   */
  logActivity(request: LogActivityRequest): Promise<CommandOutcome<RecordResult>> {
    const activityId = this.handler.ids.next();
    const { idempotencyKey: _key, ...input } = request;
    return this.run('logActivity', request, async (scope) => {
      const opportunityId = optionalId(input.regardingOpportunityId, 'opportunity', 'regardingOpportunityId');
      const regardingOpportunity = opportunityId
        ? { id: opportunityId, state: await scope.load(streamIds.opportunity(opportunityId), opportunityFold) }
        : null;
      const parents = await this.loadParents(scope, activityParents(input, regardingOpportunity?.state ?? null));
      // Logging an activity regarding records is checked against their owners (salespeople: their own records).
      const regarded = [
        input.regardingAccountId ? parents.states.accounts.get(input.regardingAccountId) : undefined,
        input.regardingContactId ? parents.states.contacts.get(input.regardingContactId) : undefined,
        regardingOpportunity?.state,
      ].flatMap((record) => (record?.exists ? [record.ownerId] : []));
      if (regarded.length === 0) await scope.authorize('logActivity');
      for (const regardedOwner of new Set(regarded)) await scope.authorize('logActivity', regardedOwner);
      const ownerId = this.context.actorId;
      const owner = await scope.load(streamIds.user(requireId(ownerId, 'user', 'ownerId')), userFold);
      const participants = await this.loadParticipants(scope, input);
      const inReplyToId = optionalId(input.inReplyToActivityId, 'activity', 'inReplyToActivityId');
      const inReplyTo: RecordRef<ActivityState> | null = inReplyToId
        ? { id: inReplyToId, state: await scope.load(streamIds.activity(inReplyToId), activityFold) }
        : null;
      const stream = streamIds.activity(activityId);
      const state = scope.fresh(stream, activityFold);
      const command: ActivityCommand = {
        type: 'LogActivity',
        activityId,
        input,
        ownerId,
        owner,
        regardingOpportunity,
        parents: parents.states,
        participants,
        inReplyTo,
      };
      return {
        events: new Map([[stream, activityDecider.decide(command, state)]]),
        conditions: parents.streams,
        result: { id: activityId },
      };
    });
  }

  /** Makes a user the owner of an opportunity (open ones only: a closed one is read-only) or an activity. */
  assignOwner(request: AssignSalesOwnerRequest): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      'assignOwner',
      request,
      async (scope) => {
        const { id, ownerId } = request;
        switch (request.recordType) {
          case 'OPPORTUNITY': {
            const stream = streamIds.opportunity(requireId(id, 'opportunity', 'id'));
            const state = await scope.load(stream, opportunityFold);
            await scope.authorize('assign', ownerOf(state));
            const owner = await scope.load(streamIds.user(requireId(ownerId, 'user', 'ownerId')), userFold);
            const events = opportunityDecider.decide({ type: 'AssignOpportunityOwner', opportunityId: id, ownerId, owner }, state);
            return { events: new Map([[stream, events]]), result: { id, recordType: 'OPPORTUNITY' } };
          }
          case 'ACTIVITY': {
            const stream = streamIds.activity(requireId(id, 'activity', 'id'));
            const state = await scope.load(stream, activityFold);
            await scope.authorize('assign', ownerOf(state));
            const owner = await scope.load(streamIds.user(requireId(ownerId, 'user', 'ownerId')), userFold);
            const events = activityDecider.decide({ type: 'AssignActivityOwner', activityId: id, ownerId, owner }, state);
            return { events: new Map([[stream, events]]), result: { id, recordType: 'ACTIVITY' } };
          }
          default:
            return assertNever(request.recordType);
        }
      },
      request.recordType === 'OPPORTUNITY' ? streamIds.opportunity(request.id) : streamIds.activity(request.id),
    );
  }

  /** Runs a command; `target` names the stream that commands of this process take turns on, if any. */
  private run<Result extends JsonValue>(
    name: string,
    request: Idempotent,
    plan: (scope: CommandScope) => Promise<Decision<Result>>,
    target?: string,
  ): Promise<CommandOutcome<Result>> {
    const { idempotencyKey, ...payload } = request;
    return this.handler.run({ ...this.context, idempotencyKey: idempotencyKey ?? null }, name, payload, plan, target);
  }

  /** Loads the accounts and contacts a new record would hang off; their streams become conditions of the append. */
  private async loadParents(scope: CommandScope, links: readonly ParentLink[]): Promise<{ states: ParentStates; streams: string[] }> {
    const accounts = new Map<string, AccountState>();
    const contacts = new Map<string, ContactState>();
    const streams: string[] = [];
    for (const link of links) {
      const id = requireId(link.id, link.kind, link.field);
      if (link.kind === 'account') {
        const stream = streamIds.account(id);
        accounts.set(id, await scope.load(stream, accountFold));
        streams.push(stream);
      } else {
        const stream = streamIds.contact(id);
        contacts.set(id, await scope.load(stream, contactFold));
        streams.push(stream);
      }
    }
    return { states: { accounts, contacts }, streams: [...new Set(streams)] };
  }

  /** Loads the users and contacts an activity's participants name (whether they exist is the decider's call). */
  private async loadParticipants(scope: CommandScope, input: ActivityInput): Promise<ParticipantStates> {
    const users = new Map<string, UserState>();
    const contacts = new Map<string, ContactState>();
    for (const [index, participant] of (input.participants ?? []).entries()) {
      if (participant.userId != null && !users.has(participant.userId)) {
        const id = requireId(participant.userId, 'user', `participants[${index}].userId`);
        users.set(id, await scope.load(streamIds.user(id), userFold));
      }
      if (participant.contactId != null && !contacts.has(participant.contactId)) {
        const id = requireId(participant.contactId, 'contact', `participants[${index}].contactId`);
        contacts.set(id, await scope.load(streamIds.contact(id), contactFold));
      }
    }
    return { users, contacts };
  }
}

/** Ids are UUIDs; anything else names no record. */
function requireId(id: string, kind: RecordKind, field: string): string {
  if (typeof id !== 'string' || !isUuid(id)) throw new NotFoundError(kind, String(id).slice(0, 100), field);
  return id;
}

/** The owner of a record, when it exists (privileges with the depth "own" compare it with the actor). */
function ownerOf(state: { readonly exists: boolean; readonly ownerId?: string }): string | undefined {
  return state.exists ? state.ownerId : undefined;
}

function optionalId(id: string | null | undefined, kind: RecordKind, field: string): string | null {
  return id === undefined || id === null ? null : requireId(id, kind, field);
}
