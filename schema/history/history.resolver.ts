import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { decodeCursor, encodeCursor, type Ordering } from '../../projections/pagination';
import type { HistoryPage } from '../../src/history/history-service';
import { Account } from '../account/account.type';
import { requireAuditor } from '../common/read-scope';
import { type ConnectionSource } from '../common/connection';
import { pageSize } from '../common/paging-args';
import { Contact } from '../contact/contact.type';
import type { GraphQLContext } from '../context';
import { User } from '../user/user.type';
import { Opportunity } from '../opportunity/opportunity.type';
import { AuditLogFilter, AuditTrailReport, HistoryConnection, HistoryEntry } from './history.type';

const BY_POSITION: Ordering = { key: 'audit', columns: ['position'], direction: 'desc' };

function toHistoryConnection(page: HistoryPage, count: () => Promise<number>): ConnectionSource<HistoryEntry> {
  const edges = page.entries.map((entry) => ({
    cursor: encodeCursor(BY_POSITION, { position: entry.event.globalPosition }),
    node: HistoryEntry.from(entry),
  }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null }, count };
}

/** A record's history (auditors): its events newest first, with the changes each made. */
async function recordHistory(
  ctx: GraphQLContext,
  id: string,
  first: number,
  after: string | null,
): Promise<ConnectionSource<HistoryEntry>> {
  requireAuditor(ctx);
  const afterPosition = after ? Number(decodeCursor(BY_POSITION, after)[0]) : null;
  const page = await ctx.history.history(id, pageSize(first), afterPosition);
  return toHistoryConnection(page, () => ctx.history.count(id));
}

@Resolver(() => HistoryEntry)
export class HistoryEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who did it (null for the system).' })
  async actor(@Root() entry: HistoryEntry, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    const row = await ctx.loaders.userById.load(entry.actorId);
    return row ? User.fromRow(row) : null;
  }
}

@Resolver(() => Account)
export class AccountHistoryResolver {
  @FieldResolver(() => HistoryConnection, { description: 'Every change of the account, newest first (auditors).' })
  history(
    @Root() account: Account,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<HistoryEntry>> {
    return recordHistory(ctx, account.id, first, after);
  }
}

@Resolver(() => Contact)
export class ContactHistoryResolver {
  @FieldResolver(() => HistoryConnection, { description: 'Every change of the contact, newest first (auditors).' })
  history(
    @Root() contact: Contact,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<HistoryEntry>> {
    return recordHistory(ctx, contact.id, first, after);
  }
}

@Resolver(() => Opportunity)
export class OpportunityHistoryResolver {
  @FieldResolver(() => HistoryConnection, { description: 'Every change of the opportunity, newest first (auditors).' })
  history(
    @Root() opportunity: Opportunity,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<HistoryEntry>> {
    return recordHistory(ctx, opportunity.id, first, after);
  }
}

@Resolver()
export class AuditResolver {
  @Query(() => HistoryConnection, { description: 'Every change across records, newest first, filtered (auditors).' })
  async auditLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<HistoryEntry>> {
    requireAuditor(ctx);
    const theFilter = filter ?? {};
    const afterPosition = after ? Number(decodeCursor(BY_POSITION, after)[0]) : null;
    const page = await ctx.history.auditLog(theFilter, pageSize(first), afterPosition);
    return toHistoryConnection(page, () => ctx.history.countAuditLog(theFilter));
  }

  @Query(() => AuditTrailReport, {
    description: 'Walks the hash chain over every event: proof that nothing was altered or removed (auditors).',
  })
  async verifyAuditTrail(@Ctx() ctx: GraphQLContext): Promise<AuditTrailReport> {
    requireAuditor(ctx);
    const report = await ctx.history.verify();
    return {
      ok: report.ok,
      eventsChecked: report.eventsChecked,
      firstBrokenPosition: report.firstBrokenPosition === null ? null : String(report.firstBrokenPosition),
    };
  }
}
