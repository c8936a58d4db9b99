import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CONTACT_ORDERINGS, countContacts, listContacts } from '../../projections/contact/contact.queries';
import { encodeCursor } from '../../projections/pagination';
import { loadAccount, requireUser } from '../account/account.resolver';
import { Account } from '../account/account.type';
import { DisassociateContactInput, SetStateInput } from '../account/account.input';
import { afterCommand } from '../common/after-command';
import { toConnection, type ConnectionSource } from '../common/connection';
import { ContactOrder, ContactView, RecordView } from '../common/enums';
import { pageSize } from '../common/paging-args';
import { mayRead, ownerFilter } from '../common/read-scope';
import type { JsonValue } from '../../events';
import type { CommandOutcome } from '../../src/commands/command-handler';
import type { GraphQLContext } from '../context';
import { JSONScalar } from '../common/scalars';
import type { PersonalDataExport } from '../../src/personal-data/personal-data-service';
import { accountAsOf, contactAsOf } from '../history/as-of';
import { contactsByHealth } from '../relationship/health-ordering';
import { User } from '../user/user.type';
import { CreateContactInput, EraseContactPersonalDataInput, UpdateContactInput } from './contact.input';
import { Contact, ContactConnection, ContactPayload } from './contact.type';

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, {
    nullable: true,
    description: 'One contact by id, active or not; null when there is none. With `asOf` (auditors): as it was then.',
  })
  async contact(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Read the contact as it was at this instant (null before it existed).' })
    asOf?: Date | null,
  ): Promise<Contact | null> {
    return asOf ? contactAsOf(ctx, id, asOf) : loadContact(ctx, id);
  }

  @Query(() => ContactConnection, { description: 'Contacts in a view, optionally searched (name, e-mail; accent- and case-insensitive).' })
  async contacts(
    @Ctx() ctx: GraphQLContext,
    @Arg('view', () => ContactView, { nullable: true, defaultValue: RecordView.ACTIVE }) view: RecordView,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null,
    @Arg('orderBy', () => ContactOrder, { nullable: true, defaultValue: ContactOrder.LAST_NAME_ASC }) orderBy: ContactOrder,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<Contact>> {
    const owner = ownerFilter(ctx, ownerId);
    const filter = { view: view ?? RecordView.ACTIVE, viewerId: ctx.viewer.id, search, accountId, ownerId: owner.ownerId };
    if (orderBy === ContactOrder.HEALTH_SCORE_DESC) return contactsByHealth(ctx, filter, owner.empty, first, after);
    const order = orderBy ?? ContactOrder.LAST_NAME_ASC;
    if (owner.empty) {
      return toConnection(
        { rows: [], hasNextPage: false },
        Contact.fromRow,
        (row) => encodeCursor(CONTACT_ORDERINGS[order], row),
        () => Promise.resolve(0),
      );
    }
    const page = await listContacts(ctx.db, { ...filter, orderBy: order, first: pageSize(first), after });
    return toConnection(
      page,
      Contact.fromRow,
      (row) => encodeCursor(CONTACT_ORDERINGS[order], row),
      () => countContacts(ctx.db, filter),
    );
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The one account the contact belongs to, if any.' })
  async account(@Root() contact: Contact, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    if (!contact.accountId) return null;
    return contact.asOf ? accountAsOf(ctx, contact.accountId, contact.asOf) : loadAccount(ctx, contact.accountId);
  }

  @FieldResolver(() => User, { description: 'The user responsible for the contact.' })
  async owner(@Root() contact: Contact, @Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, contact.ownerId);
  }

  @Mutation(() => ContactPayload, { description: 'Creates a contact; first and last name are required.' })
  async createContact(
    @Arg('input', () => CreateContactInput) input: CreateContactInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactPayload> {
    const outcome = await ctx.commands.createContact(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => ContactPayload, { description: 'Changes the fields given; refused for an inactive contact.' })
  async updateContact(
    @Arg('input', () => UpdateContactInput) input: UpdateContactInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactPayload> {
    const outcome = await ctx.commands.updateContact(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => ContactPayload, { description: 'Makes the contact read-only and hides it from most views.' })
  async deactivateContact(@Arg('input', () => SetStateInput) input: SetStateInput, @Ctx() ctx: GraphQLContext): Promise<ContactPayload> {
    const outcome = await ctx.commands.deactivateContact(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => ContactPayload, { description: 'Makes a deactivated contact writable again.' })
  async activateContact(@Arg('input', () => SetStateInput) input: SetStateInput, @Ctx() ctx: GraphQLContext): Promise<ContactPayload> {
    const outcome = await ctx.commands.activateContact(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }

  @Mutation(() => ContactPayload, {
    description:
      "Erases the contact's personal data (administrators only): their data key is destroyed, every personal field of their history reads as erased, the record stays.",
  })
  async eraseContactPersonalData(
    @Arg('input', () => EraseContactPersonalDataInput) input: EraseContactPersonalDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactPayload> {
    const outcome = await ctx.personalData.erase(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }

  @Query(() => JSONScalar, { description: 'Everything held about a contact (right of access), as one JSON document; administrators only.' })
  async exportContactPersonalData(@Arg('contactId', () => ID) contactId: string, @Ctx() ctx: GraphQLContext): Promise<PersonalDataExport> {
    return ctx.personalData.export(contactId);
  }

  @Mutation(() => ContactPayload, { description: 'Unlinks the contact from its account.' })
  async disassociateContact(
    @Arg('input', () => DisassociateContactInput) input: DisassociateContactInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContactPayload> {
    const outcome = await ctx.commands.disassociateContact(input);
    return contactPayload(ctx, outcome.result.id, outcome);
  }
}

/** The contact, when it exists and the viewer may read it. */
export async function loadContact(ctx: GraphQLContext, id: string): Promise<Contact | null> {
  const row = await ctx.loaders.contactById.load(id);
  return row && mayRead(ctx, row.owner_id) ? Contact.fromRow(row) : null;
}

async function contactPayload(ctx: GraphQLContext, id: string, outcome: CommandOutcome<JsonValue>): Promise<ContactPayload> {
  await afterCommand(ctx, outcome);
  const contact = await loadContact(ctx, id);
  if (!contact) throw new GraphQLError(`Contact ${id} is missing from the read model after the change`);
  return { contact, position: String(outcome.position) };
}
