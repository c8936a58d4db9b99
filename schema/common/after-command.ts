import type { CatchUpCheckpoint } from '../../src/event-store/event-store';
import type { GraphQLContext } from '../context';

/**
 * Called by every mutation after its command: waits until the read models hold the change and forgets what
 * this request's loaders cached, so the payload (and later fields of the same request) show the new state.
 */
export async function afterCommand(ctx: GraphQLContext, outcome: { readonly checkpoint: CatchUpCheckpoint }): Promise<void> {
  await ctx.readYourWrites(outcome.checkpoint);
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
}
