import type { AccountState } from '../../src/domain/account/account.state';
import { contactFullName, type ContactState } from '../../src/domain/contact/contact.state';
import type { TimelinePoint } from '../../src/history/timeline';
import { contactIdsLinkedAt } from '../../projections/audit/audit.queries';
import { decodeCursor, encodeCursor, type Ordering } from '../../projections/pagination';
import type { RecordViewName } from '../../projections/record-views';
import { Account } from '../account/account.type';
import { Address } from '../common/address.type';
import type { ConnectionSource } from '../common/connection';
import { RecordState } from '../common/enums';
import { mayRead, requireAuditor } from '../common/read-scope';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';

/*
 * Time travel: records as they were at an instant, folded from their events. A record read `asOf` carries
 * the instant, so what hangs off it (its account, its contacts) is read as of the same instant.
 */

function stateOf(status: 'active' | 'inactive'): RecordState {
  return status === 'active' ? RecordState.ACTIVE : RecordState.INACTIVE;
}

function accountFrom(id: string, point: TimelinePoint, asOf: Date): Account {
  const state = point.state as Extract<AccountState, { exists: true }>;
  const { address, ...profile } = state.profile;
  return Object.assign(new Account(), {
    id,
    ...profile,
    address: Address.from(address),
    state: stateOf(state.status),
    createdAt: new Date(point.createdAt!),
    modifiedAt: new Date(point.recordedAt!),
    version: point.version,
    ownerId: state.ownerId,
    asOf,
  });
}

function contactFrom(id: string, point: TimelinePoint, asOf: Date): Contact {
  const state = point.state as Extract<ContactState, { exists: true }>;
  const { address, ...profile } = state.profile;
  return Object.assign(new Contact(), {
    id,
    ...profile,
    fullName: contactFullName(profile),
    address: Address.from(address),
    state: stateOf(state.status),
    createdAt: new Date(point.createdAt!),
    modifiedAt: new Date(point.recordedAt!),
    version: point.version,
    personalDataErasedAt: state.personalDataErased ? new Date(point.recordedAt!) : null,
    accountId: state.accountId,
    ownerId: state.ownerId,
    asOf,
  });
}

/** The account as it was at `asOf` (auditors); null before it existed or when the viewer may not read it. */
export async function accountAsOf(ctx: GraphQLContext, id: string, asOf: Date): Promise<Account | null> {
  requireAuditor(ctx);
  const point = await ctx.history.asOf('ACCOUNT', id, asOf);
  if (!point) return null;
  const account = accountFrom(id, point, asOf);
  return mayRead(ctx, account.ownerId) ? account : null;
}

/** The contact as it was at `asOf` (auditors); null before it existed or when the viewer may not read it. */
export async function contactAsOf(ctx: GraphQLContext, id: string, asOf: Date): Promise<Contact | null> {
  requireAuditor(ctx);
  const point = await ctx.history.asOf('CONTACT', id, asOf);
  if (!point) return null;
  const contact = contactFrom(id, point, asOf);
  return mayRead(ctx, contact.ownerId) ? contact : null;
}

const AS_OF_ORDER: Ordering = { key: 'as-of', columns: ['index'], direction: 'asc' };

function inView(contact: Contact, view: RecordViewName, viewerId: string): boolean {
  switch (view) {
    case 'MY_ACTIVE':
      return contact.state === RecordState.ACTIVE && contact.ownerId === viewerId;
    case 'ACTIVE':
      return contact.state === RecordState.ACTIVE;
    case 'INACTIVE':
      return contact.state === RecordState.INACTIVE;
    case 'ALL':
      return true;
  }
}

/** The account's contacts as they were linked, and as they were, at `asOf`; by last name, then first name. */
export async function contactsOfAccountAsOf(
  ctx: GraphQLContext,
  accountId: string,
  asOf: Date,
  view: RecordViewName,
  first: number,
  after: string | null,
): Promise<ConnectionSource<Contact>> {
  const ids = await contactIdsLinkedAt(ctx.db, accountId, asOf);
  const points = await ctx.history.manyAsOf('CONTACT', ids, asOf);
  const contacts = [...points]
    .map(([id, point]) => contactFrom(id, point, asOf))
    // A link recorded at the same instant as an unlink is settled by the contact's own state.
    .filter((contact) => contact.accountId === accountId && inView(contact, view, ctx.viewer.id) && mayRead(ctx, contact.ownerId))
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
  const start = after ? Number(decodeCursor(AS_OF_ORDER, after)[0]) + 1 : 0;
  const page = contacts.slice(start, start + first);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(AS_OF_ORDER, { index: start + i }), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + first < contacts.length, endCursor: edges[edges.length - 1]?.cursor ?? null },
    count: () => Promise.resolve(contacts.length),
  };
}
