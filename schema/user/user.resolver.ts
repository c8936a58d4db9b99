import { Ctx, Query, Resolver } from 'type-graphql';
import { requireUser } from '../account/account.resolver';
import type { GraphQLContext } from '../context';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, ctx.viewer.id);
  }
}
