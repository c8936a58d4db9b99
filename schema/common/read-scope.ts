import { ForbiddenError } from '../../src/domain/errors';
import { depthOf } from '../../src/domain/security/privileges';
import type { GraphQLContext } from '../context';

/**
 * Which records the viewer may read: all (null), or only their own (their id). A viewer whose roles grant no
 * read privilege at all is refused. With the default roles everyone reads everything; a role that reads less
 * sees lists filtered to its records and no other record by id.
 */
export function readableOwner(ctx: GraphQLContext): string | null {
  const depth = depthOf(ctx.viewer.roles, 'read');
  if (depth === 'all') return null;
  if (depth === 'own') return ctx.viewer.id;
  throw new ForbiddenError('read', 'Your roles do not allow you to read records (privilege: read)');
}

/** Whether the viewer may read a record owned by `ownerId`. */
export function mayRead(ctx: GraphQLContext, ownerId: string): boolean {
  const owner = readableOwner(ctx);
  return owner === null || owner === ownerId;
}

/** The owner filter a list must apply: the one asked for, narrowed to the viewer's own records where needed. */
export function ownerFilter(ctx: GraphQLContext, requested: string | null): { readonly ownerId: string | null; readonly empty: boolean } {
  const owner = readableOwner(ctx);
  if (owner === null) return { ownerId: requested, empty: false };
  return { ownerId: owner, empty: requested !== null && requested !== owner };
}

/** History, time travel and the audit log are for those who may read the audit (auditors). */
export function requireAuditor(ctx: GraphQLContext): void {
  if (depthOf(ctx.viewer.roles, 'readAudit') === null) {
    throw new ForbiddenError(
      'readAudit',
      'Your roles do not allow you to read the history of records and the audit log (privilege: readAudit)',
    );
  }
}
