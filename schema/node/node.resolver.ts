import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { loadAccount } from '../account/account.resolver';
import { AssignOwnerInput } from '../account/account.input';
import { loadContact } from '../contact/contact.resolver';
import { afterCommand } from '../common/after-command';
import { loadImportJob } from '../import/import-job.resolver';
import { RecordType } from '../common/enums';
import type { GraphQLContext } from '../context';
import { User } from '../user/user.type';
import { Node } from './node.interface';
import { loadOwnedSalesRecord, loadSalesNode } from './sales-node';

@ObjectType({ simpleResolvers: true, description: 'The record that changed owner.' })
export class AssignOwnerPayload {
  @Field(() => Node) record!: Node;
  @Field(() => String) position!: string;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const [account, contact, user, salesRecord, importJob] = await Promise.all([
      loadAccount(ctx, id),
      loadContact(ctx, id),
      ctx.loaders.userById.load(id),
      loadSalesNode(ctx, id),
      loadImportJob(ctx, id),
    ]);
    return account ?? contact ?? (user ? User.fromRow(user) : null) ?? salesRecord ?? importJob;
  }

  @Mutation(() => AssignOwnerPayload, { description: 'Makes a user the owner of a record.' })
  async assignOwner(
    @Arg('input', () => AssignOwnerInput) input: AssignOwnerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AssignOwnerPayload> {
    const outcome = await ctx.commands.assignOwner(input);
    await afterCommand(ctx, outcome);
    const record =
      input.recordType === RecordType.ACCOUNT
        ? await loadAccount(ctx, input.id)
        : input.recordType === RecordType.CONTACT
          ? await loadContact(ctx, input.id)
          : await loadOwnedSalesRecord(ctx, input.recordType === RecordType.OPPORTUNITY ? 'OPPORTUNITY' : 'ACTIVITY', input.id);
    if (!record) throw new GraphQLError(`Record ${input.id} is missing from the read model after the change`);
    return { record, position: String(outcome.position) };
  }
}
