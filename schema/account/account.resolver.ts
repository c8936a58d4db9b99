import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { countAccounts, listAccounts, ACCOUNT_ORDERINGS } from '../../projections/account/account.queries';
import { CONTACT_ORDERINGS, countContacts, listContacts } from '../../projections/contact/contact.queries';
import { encodeCursor } from '../../projections/pagination';
import { afterCommand } from '../common/after-command';
import { toConnection, type ConnectionSource } from '../common/connection';
import { AccountOrder, AccountView, ContactView, RecordView } from '../common/enums';
import { pageSize } from '../common/paging-args';
import { mayRead, ownerFilter } from '../common/read-scope';
import type { JsonValue } from '../../events';
import type { CommandOutcome } from '../../src/commands/command-handler';
import type { GraphQLContext } from '../context';
import { loadContact } from '../contact/contact.resolver';
import { Contact, ContactConnection } from '../contact/contact.type';
import { accountAsOf, contactAsOf, contactsOfAccountAsOf } from '../history/as-of';
import { accountsByHealth } from '../relationship/health-ordering';
import { User } from '../user/user.type';
import { AssociateContactsInput, CreateAccountInput, SetStateInput, UpdateAccountInput } from './account.input';
import { Account, AccountConnection, AccountPayload } from './account.type';
import { AssociateContactsPayload } from './associate-contacts.type';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, {
    nullable: true,
    description: 'One account by id, active or not; null when there is none. With `asOf` (auditors): as it was then.',
  })
  async account(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Read the account as it was at this instant (null before it existed).' })
    asOf?: Date | null,
  ): Promise<Account | null> {
    return asOf ? accountAsOf(ctx, id, asOf) : loadAccount(ctx, id);
  }

  @Query(() => AccountConnection, {
    description: 'Accounts in a view, optionally searched (name, account number, e-mail; accent- and case-insensitive).',
  })
  async accounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('view', () => AccountView, { nullable: true, defaultValue: RecordView.ACTIVE }) view: RecordView,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null,
    @Arg('orderBy', () => AccountOrder, { nullable: true, defaultValue: AccountOrder.NAME_ASC }) orderBy: AccountOrder,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<Account>> {
    const owner = ownerFilter(ctx, ownerId);
    const filter = { view: view ?? RecordView.ACTIVE, viewerId: ctx.viewer.id, search, ownerId: owner.ownerId };
    if (orderBy === AccountOrder.HEALTH_SCORE_DESC) return accountsByHealth(ctx, filter, owner.empty, first, after);
    const ordering = ACCOUNT_ORDERINGS[orderBy ?? AccountOrder.NAME_ASC];
    if (owner.empty)
      return toConnection(
        { rows: [], hasNextPage: false },
        Account.fromRow,
        (row) => encodeCursor(ordering, row),
        () => Promise.resolve(0),
      );
    const page = await listAccounts(ctx.db, { ...filter, orderBy: orderBy ?? AccountOrder.NAME_ASC, first: pageSize(first), after });
    // The page's contacts point back at these accounts: they are known already, not loaded again.
    for (const row of page.rows) ctx.loaders.accountById.prime(row.id, row);
    return toConnection(
      page,
      Account.fromRow,
      (row) => encodeCursor(ordering, row),
      () => countAccounts(ctx.db, filter),
    );
  }

  @FieldResolver(() => User, { description: 'The user responsible for the account.' })
  async owner(@Root() account: Account, @Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, account.ownerId);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account this one belongs to in a hierarchy.' })
  async parentAccount(@Root() account: Account, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    if (!account.parentAccountId) return null;
    return account.asOf ? accountAsOf(ctx, account.parentAccountId, account.asOf) : loadAccount(ctx, account.parentAccountId);
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The main person to talk to.' })
  async primaryContact(@Root() account: Account, @Ctx() ctx: GraphQLContext): Promise<Contact | null> {
    if (!account.primaryContactId) return null;
    return account.asOf ? contactAsOf(ctx, account.primaryContactId, account.asOf) : loadContact(ctx, account.primaryContactId);
  }

  @FieldResolver(() => ContactConnection, { description: 'The account’s contacts, by last name.' })
  async contacts(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('view', () => ContactView, { nullable: true, defaultValue: RecordView.ACTIVE }) view: RecordView,
  ): Promise<ConnectionSource<Contact>> {
    const size = pageSize(first);
    const theView = view ?? RecordView.ACTIVE;
    if (account.asOf) return contactsOfAccountAsOf(ctx, account.id, account.asOf, theView, size, after);
    const ordering = CONTACT_ORDERINGS.LAST_NAME_ASC;
    const page = after
      ? await listContacts(ctx.db, {
          view: theView,
          viewerId: ctx.viewer.id,
          accountId: account.id,
          orderBy: 'LAST_NAME_ASC',
          first: size,
          after,
        })
      : await ctx.loaders.contactsByAccount.load({ parentId: account.id, view: theView, first: size });
    const count = () =>
      after
        ? countContacts(ctx.db, { view: theView, viewerId: ctx.viewer.id, accountId: account.id })
        : ctx.loaders.contactCountByAccount.load({ parentId: account.id, view: theView });
    return toConnection(page, Contact.fromRow, (row) => encodeCursor(ordering, row), count);
  }

  @Mutation(() => AccountPayload, { description: 'Creates an account; only the name is required.' })
  async createAccount(
    @Arg('input', () => CreateAccountInput) input: CreateAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AccountPayload> {
    const outcome = await ctx.commands.createAccount(input);
    return accountPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => AccountPayload, { description: 'Changes the fields given; refused for an inactive account.' })
  async updateAccount(
    @Arg('input', () => UpdateAccountInput) input: UpdateAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AccountPayload> {
    const outcome = await ctx.commands.updateAccount(input);
    return accountPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => AccountPayload, { description: 'Makes the account read-only and hides it from most views; its contacts stay active.' })
  async deactivateAccount(@Arg('input', () => SetStateInput) input: SetStateInput, @Ctx() ctx: GraphQLContext): Promise<AccountPayload> {
    const outcome = await ctx.commands.deactivateAccount(input);
    return accountPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => AccountPayload, { description: 'Makes a deactivated account writable again.' })
  async activateAccount(@Arg('input', () => SetStateInput) input: SetStateInput, @Ctx() ctx: GraphQLContext): Promise<AccountPayload> {
    const outcome = await ctx.commands.activateAccount(input);
    return accountPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => AssociateContactsPayload, {
    description:
      'Links contacts to an account, all or nothing; a contact of another account fails the whole call (CONTACT_ALREADY_ASSOCIATED).',
  })
  async associateContacts(
    @Arg('input', () => AssociateContactsInput) input: AssociateContactsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssociateContactsPayload> {
    const outcome = await ctx.commands.associateContacts(input);
    await afterCommand(ctx, outcome);
    const account = await loadAccount(ctx, outcome.result.accountId);
    const rows = await ctx.loaders.contactById.loadMany(outcome.result.contactIds);
    const contacts = rows.flatMap((row) => (row && !(row instanceof Error) ? [Contact.fromRow(row)] : []));
    return { account: account!, contacts, position: String(outcome.position) };
  }
}

/** The account, when it exists and the viewer may read it. */
export async function loadAccount(ctx: GraphQLContext, id: string): Promise<Account | null> {
  const row = await ctx.loaders.accountById.load(id);
  return row && mayRead(ctx, row.owner_id) ? Account.fromRow(row) : null;
}

export async function requireUser(ctx: GraphQLContext, id: string): Promise<User> {
  const row = await ctx.loaders.userById.load(id);
  if (!row) throw new GraphQLError(`User ${id} is missing from the read model`);
  return User.fromRow(row);
}

async function accountPayload(ctx: GraphQLContext, id: string, outcome: CommandOutcome<JsonValue>): Promise<AccountPayload> {
  await afterCommand(ctx, outcome);
  const account = await loadAccount(ctx, id);
  if (!account) throw new GraphQLError(`Account ${id} is missing from the read model after the change`);
  return { account, position: String(outcome.position) };
}
