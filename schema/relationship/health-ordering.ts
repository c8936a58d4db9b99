import { countAccounts, type AccountFilter } from '../../projections/account/account.queries';
import { countContacts, type ContactFilter } from '../../projections/contact/contact.queries';
import {
  encodeHealthCursor,
  healthDayOf,
  listAccountsByHealth,
  listContactsByHealth,
} from '../../projections/relationship/relationship.queries';
import { Account } from '../account/account.type';
import { toConnection, type ConnectionSource } from '../common/connection';
import { pageSize } from '../common/paging-args';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { configuredHealthSettings } from './relationship.loaders';

/**
 * Accounts ordered by HEALTH_SCORE_DESC: the score is computed in SQL over the daily buckets, as of the request's
 * day (the first page's day for later pages), so the order and the cursors are exact (docs/analytics.md).
 */
export async function accountsByHealth(
  ctx: GraphQLContext,
  filter: AccountFilter,
  empty: boolean,
  first: number,
  after: string | null,
): Promise<ConnectionSource<Account>> {
  const request = { first: pageSize(first), after };
  const today = healthDayOf(request, ctx.requestedAt);
  const page = empty
    ? { rows: [], hasNextPage: false }
    : await listAccountsByHealth(ctx.db, filter, request, today, configuredHealthSettings());
  return toConnection(
    page,
    Account.fromRow,
    (row) => encodeHealthCursor(today, row),
    () => (empty ? Promise.resolve(0) : countAccounts(ctx.db, filter)),
  );
}

/** Contacts ordered by HEALTH_SCORE_DESC (as `accountsByHealth`). */
export async function contactsByHealth(
  ctx: GraphQLContext,
  filter: ContactFilter,
  empty: boolean,
  first: number,
  after: string | null,
): Promise<ConnectionSource<Contact>> {
  const request = { first: pageSize(first), after };
  const today = healthDayOf(request, ctx.requestedAt);
  const page = empty
    ? { rows: [], hasNextPage: false }
    : await listContactsByHealth(ctx.db, filter, request, today, configuredHealthSettings());
  return toConnection(
    page,
    Contact.fromRow,
    (row) => encodeHealthCursor(today, row),
    () => (empty ? Promise.resolve(0) : countContacts(ctx.db, filter)),
  );
}
