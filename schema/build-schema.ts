import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type MiddlewareFn } from 'type-graphql';
import { AccountResolver } from './account/account.resolver';
import { AccountConnectionResolver } from './account/account.type';
import { DateTimeScalar } from './common/scalars';
import { ContactResolver } from './contact/contact.resolver';
import { ContactConnectionResolver } from './contact/contact.type';
import { toClientError } from './errors';
import { NodeResolver } from './node/node.resolver';
import { UserResolver } from './user/user.resolver';
import { User } from './user/user.type';

/** Turns refusals into GraphQL errors with a code and a field; everything else is left for masking. */
const mapErrors: MiddlewareFn = async (_data, next) => {
  try {
    return (await next()) as unknown;
  } catch (error) {
    throw toClientError(error) ?? error;
  }
};

let built: GraphQLSchema | undefined;

/** The CRM's GraphQL schema (built once per process). */
export function buildCrmSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: [AccountResolver, AccountConnectionResolver, ContactResolver, ContactConnectionResolver, UserResolver, NodeResolver],
    orphanedTypes: [User],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    globalMiddlewares: [mapErrors],
    validate: false,
  });
  return built;
}

/** The schema as SDL, sorted, as committed in schema/schema.graphql. */
export function printCrmSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildCrmSchema()))}\n`;
}
