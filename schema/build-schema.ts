import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccountResolver } from './account/account.resolver';
import { AccountConnectionResolver } from './account/account.type';
import { AddressSuggestionResolver } from './address-suggestion/address-suggestion.resolver';
import { AccountHistoryResolver, AuditResolver, ContactHistoryResolver, HistoryEntryResolver } from './history/history.resolver';
import { HistoryConnectionResolver } from './history/history.type';
import { DateTimeScalar } from './common/scalars';
import { ContactResolver } from './contact/contact.resolver';
import { ContactConnectionResolver } from './contact/contact.type';
import { NodeResolver } from './node/node.resolver';
import { OrganizationSettingsResolver } from './organization/organization-settings.resolver';
import { UserResolver } from './user/user.resolver';
import { User, UserConnectionResolver } from './user/user.type';

let built: GraphQLSchema | undefined;

/** The CRM's GraphQL schema (built once per process). */
export function buildCrmSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: [
      AccountResolver,
      AccountConnectionResolver,
      ContactResolver,
      ContactConnectionResolver,
      UserResolver,
      UserConnectionResolver,
      NodeResolver,
      OrganizationSettingsResolver,
      AddressSuggestionResolver,
      HistoryEntryResolver,
      HistoryConnectionResolver,
      AccountHistoryResolver,
      ContactHistoryResolver,
      AuditResolver,
    ],
    orphanedTypes: [User],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  return built;
}

/** The schema as SDL, sorted, as committed in schema/schema.graphql. */
export function printCrmSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildCrmSchema()))}\n`;
}
