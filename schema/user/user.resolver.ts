import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { USER_ORDERING, countListedUsers, listUsers } from '../../projections/user/user.queries';
import { encodeCursor } from '../../projections/pagination';
import type { JsonValue } from '../../events';
import type { CommandOutcome } from '../../src/commands/command-handler';
import { requireUser } from '../account/account.resolver';
import { afterCommand } from '../common/after-command';
import { toConnection, type ConnectionSource } from '../common/connection';
import { pageSize } from '../common/paging-args';
import type { GraphQLContext } from '../context';
import { ChangeUserRolesInput, RegisterUserInput, SetUserStateInput } from './user.input';
import { User, UserConnection, UserPayload } from './user.type';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in user.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    return requireUser(ctx, ctx.viewer.id);
  }

  @Query(() => UserConnection, { description: 'The users of the CRM by name, optionally searched (name, e-mail).' })
  async users(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ConnectionSource<User>> {
    const page = await listUsers(ctx.db, { first: pageSize(first), after, search });
    return toConnection(
      page,
      User.fromRow,
      (row) => encodeCursor(USER_ORDERING, row),
      () => countListedUsers(ctx.db, search),
    );
  }

  @Mutation(() => UserPayload, { description: 'Registers a user (administrators only).' })
  async registerUser(@Arg('input', () => RegisterUserInput) input: RegisterUserInput, @Ctx() ctx: GraphQLContext): Promise<UserPayload> {
    return userPayload(ctx, await ctx.commands.registerUser(input));
  }

  @Mutation(() => UserPayload, { description: "Replaces a user's roles (administrators only)." })
  async changeUserRoles(
    @Arg('input', () => ChangeUserRolesInput) input: ChangeUserRolesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserPayload> {
    return userPayload(ctx, await ctx.commands.changeUserRoles(input));
  }

  @Mutation(() => UserPayload, { description: 'Deactivates a user (administrators only): their tokens stop working at once.' })
  async deactivateUser(@Arg('input', () => SetUserStateInput) input: SetUserStateInput, @Ctx() ctx: GraphQLContext): Promise<UserPayload> {
    return userPayload(ctx, await ctx.commands.deactivateUser(input));
  }

  @Mutation(() => UserPayload, { description: 'Activates a deactivated user again (administrators only).' })
  async activateUser(@Arg('input', () => SetUserStateInput) input: SetUserStateInput, @Ctx() ctx: GraphQLContext): Promise<UserPayload> {
    return userPayload(ctx, await ctx.commands.activateUser(input));
  }
}

async function userPayload(ctx: GraphQLContext, outcome: CommandOutcome<JsonValue & { id: string }>): Promise<UserPayload> {
  await afterCommand(ctx, outcome);
  const row = await ctx.loaders.userById.load(outcome.result.id);
  if (!row) throw new GraphQLError(`User ${outcome.result.id} is missing from the read model after the change`);
  return { user: User.fromRow(row), position: String(outcome.position) };
}
