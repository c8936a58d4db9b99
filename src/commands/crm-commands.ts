import type { HistoryRecordType } from '../history/record-kinds';
import { streamIds, type AccountEvent, type ContactEvent, type CrmEvent, type JsonValue, type Role, type UserEvent } from '../../events';
import type { AccountFieldsInput } from '../domain/account/account.commands';
import { accountDecider } from '../domain/account/account.decider';
import type { AccountState } from '../domain/account/account.state';
import { decideAssociateContacts } from '../domain/contact/associate-contacts';
import type { ContactFieldsInput } from '../domain/contact/contact.commands';
import { contactDecider } from '../domain/contact/contact.decider';
import type { ContactState } from '../domain/contact/contact.state';
import { NotFoundError, ValidationError } from '../domain/errors';
import { splitRegistration, userDecider } from '../domain/user/user.decider';
import { evolveEmailClaim, initialEmailClaimState, type EmailClaimState, type UserState } from '../domain/user/user.state';
import { assertNever } from '../shared/assert-never';
import { isUuid } from '../shared/ids';
import { SalesCommands } from './sales-commands';
import type { CommandContext, CommandHandler, CommandOutcome, CommandScope, Decision, Fold } from './command-handler';

export interface Idempotent {
  readonly idempotencyKey?: string | null;
}
export interface CreateAccountRequest extends AccountFieldsInput, Idempotent {
  readonly name: string;
  readonly ownerId?: string | null;
}
export interface UpdateAccountRequest extends AccountFieldsInput, Idempotent {
  readonly id: string;
  readonly expectedVersion?: number | null;
}
export interface SetStateRequest extends Idempotent {
  readonly id: string;
  readonly expectedVersion?: number | null;
}
export interface CreateContactRequest extends ContactFieldsInput, Idempotent {
  readonly firstName: string;
  readonly lastName: string;
  readonly accountId?: string | null;
  readonly ownerId?: string | null;
}
export interface UpdateContactRequest extends ContactFieldsInput, Idempotent {
  readonly id: string;
  readonly expectedVersion?: number | null;
}
export interface AssociateContactsRequest extends Idempotent {
  readonly accountId: string;
  readonly contactIds: readonly string[];
}
export interface DisassociateContactRequest extends Idempotent {
  readonly contactId: string;
}
/** Record types as the contract names them. */
export type RecordTypeName = HistoryRecordType;
export interface AssignOwnerRequest extends Idempotent {
  readonly recordType: RecordTypeName;
  readonly id: string;
  readonly ownerId: string;
}
export interface RegisterUserRequest extends Idempotent {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
}
export interface EraseContactPersonalDataRequest extends Idempotent {
  readonly contactId: string;
  readonly reason: string;
}
export interface SetUserStateRequest extends Idempotent {
  readonly userId: string;
}
export interface SetIntroductionsPreferenceRequest extends Idempotent {
  /** True: the acting user is no longer named to colleagues as someone who knows a contact. */
  readonly optedOut: boolean;
}
export interface ChangeUserRolesRequest extends Idempotent {
  readonly userId: string;
  readonly roles: readonly Role[];
}

/** The answer to a command on one record. */
export type RecordResult = { readonly id: string } & { readonly [key: string]: JsonValue };
export type AssociationResult = { readonly accountId: string; readonly contactIds: string[] };

const accountFold: Fold<AccountState, AccountEvent> = accountDecider;
const contactFold: Fold<ContactState, ContactEvent> = contactDecider;
const userFold: Fold<UserState, UserEvent> = userDecider;
const emailClaimFold: Fold<EmailClaimState, UserEvent> = { initialState: initialEmailClaimState, evolve: evolveEmailClaim };

/** Deepest parent chain followed when checking an account hierarchy for loops. */
const MAX_HIERARCHY_DEPTH = 100;

/**
 * Every command of the CRM, as the API, the CLI and imports issue them. Each method loads what the rules
 * need, lets the domain decide, and appends atomically; it returns the record's id and the position.
 */
export class CrmCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly context: CommandContext,
  ) {}

  /** The same commands issued by someone else (or the same actor with another idempotency key). */
  as(context: CommandContext): CrmCommands {
    return new CrmCommands(this.handler, context);
  }

  createAccount(request: CreateAccountRequest): Promise<CommandOutcome<RecordResult>> {
    const accountId = this.handler.ids.next();
    const { idempotencyKey: _key, ownerId: requestedOwner, ...input } = request;
    return this.run('createAccount', request, async (scope) => {
      await scope.authorize('create');
      const ownerId = requestedOwner ?? this.context.actorId;
      const owner = await this.loadUser(scope, ownerId, 'ownerId');
      const references = await this.loadAccountReferences(scope, accountId, input);
      const stream = streamIds.account(accountId);
      const state = scope.fresh(stream, accountFold);
      const events = accountDecider.decide(
        { type: 'CreateAccount', accountId, input, ownerId, owner, references: references.states },
        state,
      );
      return { events: new Map([[stream, events]]), conditions: references.streams, result: { id: accountId } };
    });
  }

  updateAccount(request: UpdateAccountRequest): Promise<CommandOutcome<RecordResult>> {
    const { id, expectedVersion, idempotencyKey: _key, ...input } = request;
    return this.run(
      'updateAccount',
      request,
      async (scope) => {
        const stream = streamIds.account(requireId(id, 'account', 'id'));
        const state = await scope.load(stream, accountFold);
        await scope.authorize('update', ownerOf(state));
        scope.expectVersion(stream, expectedVersion, { kind: 'account', id });
        const references = await this.loadAccountReferences(scope, id, input);
        const events = accountDecider.decide({ type: 'UpdateAccount', accountId: id, input, references: references.states }, state);
        return { events: new Map([[stream, events]]), conditions: references.streams, result: { id } };
      },
      streamIds.account(id),
    );
  }

  deactivateAccount(request: SetStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onAccount('deactivateAccount', request, (accountId) => ({ type: 'DeactivateAccount', accountId }));
  }

  activateAccount(request: SetStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onAccount('activateAccount', request, (accountId) => ({ type: 'ActivateAccount', accountId }));
  }

  createContact(request: CreateContactRequest): Promise<CommandOutcome<RecordResult>> {
    const contactId = this.handler.ids.next();
    const { idempotencyKey: _key, ownerId: requestedOwner, accountId, ...input } = request;
    return this.run('createContact', request, async (scope) => {
      await scope.authorize('create');
      const ownerId = requestedOwner ?? this.context.actorId;
      const owner = await this.loadUser(scope, ownerId, 'ownerId');
      const accountStream = accountId ? streamIds.account(requireId(accountId, 'account', 'accountId')) : null;
      const account = accountStream && accountId ? { id: accountId, state: await scope.load(accountStream, accountFold) } : null;
      // Starting in an account links the contact to it.
      if (account) await scope.authorize('associate', ownerOf(account.state));
      const stream = streamIds.contact(contactId);
      const state = scope.fresh(stream, contactFold);
      const events = contactDecider.decide({ type: 'CreateContact', contactId, input, ownerId, owner, account }, state);
      return { events: new Map([[stream, events]]), conditions: accountStream ? [accountStream] : [], result: { id: contactId } };
    });
  }

  updateContact(request: UpdateContactRequest): Promise<CommandOutcome<RecordResult>> {
    const { id, expectedVersion, idempotencyKey: _key, ...input } = request;
    return this.run(
      'updateContact',
      request,
      async (scope) => {
        const stream = streamIds.contact(requireId(id, 'contact', 'id'));
        const state = await scope.load(stream, contactFold);
        await scope.authorize('update', ownerOf(state));
        scope.expectVersion(stream, expectedVersion, { kind: 'contact', id });
        const events = contactDecider.decide({ type: 'UpdateContact', contactId: id, input }, state);
        return { events: new Map([[stream, events]]), result: { id } };
      },
      streamIds.contact(id),
    );
  }

  deactivateContact(request: SetStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onContact('deactivateContact', request, (contactId) => ({ type: 'DeactivateContact', contactId }));
  }

  activateContact(request: SetStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onContact('activateContact', request, (contactId) => ({ type: 'ActivateContact', contactId }));
  }

  /**
   * Links contacts to one account, all or nothing. The account is a condition of the append: if it is
   * deactivated meanwhile, the command re-decides and is refused.
   */
  associateContacts(request: AssociateContactsRequest): Promise<CommandOutcome<AssociationResult>> {
    return this.run(
      'associateContacts',
      request,
      async (scope) => {
        const accountId = requireId(request.accountId, 'account', 'accountId');
        const accountStream = streamIds.account(accountId);
        const account = await scope.load(accountStream, accountFold);
        await scope.authorize('associate', ownerOf(account));
        const contactIds = [...new Set(request.contactIds)];
        const contacts = [];
        for (const [index, contactId] of contactIds.entries()) {
          const state = await scope.load(streamIds.contact(requireId(contactId, 'contact', `contactIds[${index}]`)), contactFold);
          await scope.authorize('associate', ownerOf(state));
          const linkedElsewhere = state.exists && state.accountId !== null && state.accountId !== accountId;
          const currentAccount = linkedElsewhere ? await scope.load(streamIds.account(state.accountId), accountFold) : null;
          contacts.push({ contactId, state, currentAccount });
        }
        const decided = decideAssociateContacts(accountId, account, contacts);
        const events = new Map<string, CrmEvent[]>();
        for (const [contactId, contactEvents] of decided) events.set(streamIds.contact(contactId), contactEvents);
        return { events, conditions: [accountStream], result: { accountId, contactIds } };
      },
      streamIds.account(request.accountId),
    );
  }

  disassociateContact(request: DisassociateContactRequest): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      'disassociateContact',
      request,
      async (scope) => {
        const contactId = requireId(request.contactId, 'contact', 'contactId');
        const stream = streamIds.contact(contactId);
        const state = await scope.load(stream, contactFold);
        await scope.authorize('associate', ownerOf(state));
        const events = contactDecider.decide({ type: 'DisassociateContactFromAccount', contactId }, state);
        return { events: new Map([[stream, events]]), result: { id: contactId } };
      },
      streamIds.contact(request.contactId),
    );
  }

  /**
   * Erases a person's data (administrators only): records who and why, and destroys their data key in the
   * same append, so every personal field of their events reads as erased from then on.
   */
  eraseContactPersonalData(request: EraseContactPersonalDataRequest): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      'eraseContactPersonalData',
      request,
      async (scope) => {
        const contactId = requireId(request.contactId, 'contact', 'contactId');
        const stream = streamIds.contact(contactId);
        await scope.authorize('erasePersonalData');
        const state = await scope.load(stream, contactFold);
        const events = contactDecider.decide({ type: 'EraseContactPersonalData', contactId, reason: request.reason }, state);
        return { events: new Map([[stream, events]]), eraseSubjects: events.length > 0 ? [contactId] : [], result: { id: contactId } };
      },
      streamIds.contact(request.contactId),
    );
  }

  assignOwner(request: AssignOwnerRequest): Promise<CommandOutcome<RecordResult>> {
    const { recordType } = request;
    if (recordType === 'OPPORTUNITY' || recordType === 'ACTIVITY')
      return new SalesCommands(this.handler, this.context).assignOwner({ ...request, recordType });
    return this.run(
      'assignOwner',
      request,
      async (scope) => {
        const { id, ownerId } = request;
        switch (request.recordType) {
          case 'ACCOUNT': {
            const stream = streamIds.account(requireId(id, 'account', 'id'));
            const state = await scope.load(stream, accountFold);
            await scope.authorize('assign', ownerOf(state));
            const owner = await this.loadUser(scope, ownerId, 'ownerId');
            const events = accountDecider.decide({ type: 'AssignAccountOwner', accountId: id, ownerId, owner }, state);
            return { events: new Map([[stream, events]]), result: { id, recordType: 'ACCOUNT' } };
          }
          case 'CONTACT': {
            const stream = streamIds.contact(requireId(id, 'contact', 'id'));
            const state = await scope.load(stream, contactFold);
            await scope.authorize('assign', ownerOf(state));
            const owner = await this.loadUser(scope, ownerId, 'ownerId');
            const events = contactDecider.decide({ type: 'AssignContactOwner', contactId: id, ownerId, owner }, state);
            return { events: new Map([[stream, events]]), result: { id, recordType: 'CONTACT' } };
          }
          case 'OPPORTUNITY':
          case 'ACTIVITY':
            throw new Error('Sales records are assigned by SalesCommands');
          case 'QUOTE':
          case 'INVOICE':
          case 'IMPORT_JOB':
            await scope.authorize('assign');
            throw ValidationError.of('recordType', `a ${request.recordType.toLowerCase()} has no owner of its own`);
          case 'USER':
          case 'ORGANIZATION':
            await scope.authorize('assign');
            throw ValidationError.of('recordType', `records of type ${request.recordType} have no owner`);
          default:
            return assertNever(request.recordType);
        }
      },
      request.recordType === 'CONTACT' ? streamIds.contact(request.id) : streamIds.account(request.id),
    );
  }

  registerUser(request: RegisterUserRequest): Promise<CommandOutcome<RecordResult>> {
    const userId = this.handler.ids.next();
    return this.run('registerUser', request, async (scope) => {
      await scope.authorize('manageUsers');
      const email = typeof request.email === 'string' ? request.email.trim() : '';
      const claimStream = streamIds.userEmail(email);
      const emailClaim = await scope.load(claimStream, emailClaimFold);
      const stream = streamIds.user(userId);
      const state = scope.fresh(stream, userFold);
      const decided = userDecider.decide(
        { type: 'RegisterUser', userId, email, name: request.name, roles: request.roles, emailClaim },
        state,
      );
      const { user, claim } = splitRegistration(decided);
      return {
        events: new Map<string, CrmEvent[]>([
          [stream, user],
          [claimStream, claim],
        ]),
        result: { id: userId },
      };
    });
  }

  changeUserRoles(request: ChangeUserRolesRequest): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      'changeUserRoles',
      request,
      async (scope) => {
        const userId = requireId(request.userId, 'user', 'userId');
        const stream = streamIds.user(userId);
        await scope.authorize('manageUsers');
        const state = await scope.load(stream, userFold);
        const events = userDecider.decide({ type: 'ChangeUserRoles', userId, roles: request.roles }, state);
        return { events: new Map([[stream, events]]), result: { id: userId } };
      },
      streamIds.user(request.userId),
    );
  }

  /** Runs a command; `target` is the record stream it changes, if it changes an existing one. */
  /** Deactivates a user: their tokens are refused from then on; their records and history stay. */
  deactivateUser(request: SetUserStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onUser('deactivateUser', request, (userId) => ({ type: 'DeactivateUser', userId, actorId: this.context.actorId }));
  }

  activateUser(request: SetUserStateRequest): Promise<CommandOutcome<RecordResult>> {
    return this.onUser('activateUser', request, (userId) => ({ type: 'ActivateUser', userId }));
  }

  /** The acting user opts out of (or back into) who-knows-whom; the event's actor records who chose. */
  setIntroductionsPreference(request: SetIntroductionsPreferenceRequest): Promise<CommandOutcome<RecordResult>> {
    const userId = this.context.actorId;
    return this.run(
      'setIntroductionsPreference',
      request,
      async (scope) => {
        // Everyone may choose for themselves: reading their own records is the least any role grants.
        await scope.authorize('read', userId);
        const stream = streamIds.user(requireId(userId, 'user', 'userId'));
        const state = await scope.load(stream, userFold);
        const events = userDecider.decide({ type: 'SetIntroductionsPreference', userId, optedOut: request.optedOut === true }, state);
        return { events: new Map([[stream, events]]), result: { id: userId } };
      },
      streamIds.user(userId),
    );
  }

  private onUser(
    name: string,
    request: SetUserStateRequest,
    command: (userId: string) => Parameters<typeof userDecider.decide>[0],
  ): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      name,
      request,
      async (scope) => {
        await scope.authorize('manageUsers');
        const userId = requireId(request.userId, 'user', 'userId');
        const stream = streamIds.user(userId);
        const state = await scope.load(stream, userFold);
        return { events: new Map([[stream, userDecider.decide(command(userId), state)]]), result: { id: userId } };
      },
      streamIds.user(request.userId),
    );
  }

  private run<Result extends JsonValue>(
    name: string,
    request: Idempotent,
    plan: (scope: CommandScope) => Promise<Decision<Result>>,
    target?: string,
  ): Promise<CommandOutcome<Result>> {
    const { idempotencyKey, ...payload } = request;
    return this.handler.run({ ...this.context, idempotencyKey: idempotencyKey ?? null }, name, payload, plan, target);
  }

  private onAccount(
    name: string,
    request: SetStateRequest,
    command: (accountId: string) => Parameters<typeof accountDecider.decide>[0],
  ): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      name,
      request,
      async (scope) => {
        const stream = streamIds.account(requireId(request.id, 'account', 'id'));
        const state = await scope.load(stream, accountFold);
        await scope.authorize('deactivate', ownerOf(state));
        scope.expectVersion(stream, request.expectedVersion, { kind: 'account', id: request.id });
        return { events: new Map([[stream, accountDecider.decide(command(request.id), state)]]), result: { id: request.id } };
      },
      streamIds.account(request.id),
    );
  }

  private onContact(
    name: string,
    request: SetStateRequest,
    command: (contactId: string) => Parameters<typeof contactDecider.decide>[0],
  ): Promise<CommandOutcome<RecordResult>> {
    return this.run(
      name,
      request,
      async (scope) => {
        const stream = streamIds.contact(requireId(request.id, 'contact', 'id'));
        const state = await scope.load(stream, contactFold);
        await scope.authorize('deactivate', ownerOf(state));
        scope.expectVersion(stream, request.expectedVersion, { kind: 'contact', id: request.id });
        return { events: new Map([[stream, contactDecider.decide(command(request.id), state)]]), result: { id: request.id } };
      },
      streamIds.contact(request.id),
    );
  }

  private async loadUser(scope: CommandScope, userId: string, field: string) {
    return scope.load(streamIds.user(requireId(userId, 'user', field)), userFold);
  }

  /** Loads the parent chain and the primary contact an account's input points to (when they change). */
  private async loadAccountReferences(scope: CommandScope, accountId: string, input: AccountFieldsInput) {
    const streams: string[] = [];
    const states: { parentChain?: AccountState[]; primaryContact?: ContactState } = {};
    if (input.parentAccountId) {
      const chain: AccountState[] = [];
      const seen = new Set<string>();
      let next: string | null = requireId(input.parentAccountId, 'account', 'parentAccountId');
      while (next !== null && !seen.has(next) && chain.length < MAX_HIERARCHY_DEPTH) {
        seen.add(next);
        const stream = streamIds.account(next);
        const state: AccountState = await scope.load(stream, accountFold);
        chain.push(state);
        streams.push(stream);
        next = state.exists && state.id !== accountId ? state.profile.parentAccountId : null;
      }
      states.parentChain = chain;
    }
    if (input.primaryContactId) {
      const stream = streamIds.contact(requireId(input.primaryContactId, 'contact', 'primaryContactId'));
      states.primaryContact = await scope.load(stream, contactFold);
      streams.push(stream);
    }
    return { streams, states };
  }
}

/** The owner of a record, when it exists (privileges with the depth "own" compare it with the actor). */
function ownerOf(state: { readonly exists: boolean; readonly ownerId?: string }): string | undefined {
  return state.exists ? state.ownerId : undefined;
}

/** Ids are UUIDs; anything else names no record. */
function requireId(id: string, kind: 'account' | 'contact' | 'user', field: string): string {
  if (typeof id !== 'string' || !isUuid(id)) throw new NotFoundError(kind, String(id).slice(0, 100), field);
  return id;
}
