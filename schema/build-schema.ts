import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AccountSalesResolver } from './account/account-sales.resolver';
import { AccountResolver } from './account/account.resolver';
import { ActivityParticipantResolver, ActivityResolver } from './activity/activity.resolver';
import { AccountConnectionResolver } from './account/account.type';
import { AddressSuggestionResolver } from './address-suggestion/address-suggestion.resolver';
import {
  AccountHistoryResolver,
  AuditResolver,
  ContactHistoryResolver,
  HistoryEntryResolver,
  OpportunityHistoryResolver,
} from './history/history.resolver';
import { HistoryConnectionResolver } from './history/history.type';
import { DateTimeScalar } from './common/scalars';
import { ContactSalesResolver } from './contact/contact-sales.resolver';
import { ContactResolver } from './contact/contact.resolver';
import { ImportJobResolver } from './import/import-job.resolver';
import { ImportJobConnectionResolver, ImportRowErrorConnectionResolver } from './import/import-job.type';
import { InvoiceResolver } from './invoice/invoice.resolver';
import { InvoiceConnectionResolver } from './invoice/invoice.type';
import { ActivityConnectionResolver } from './activity/activity.type';
import { OpportunityConnectionResolver } from './opportunity/opportunity.type';
import { QuoteConnectionResolver } from './quote/quote.type';
import { OpportunityResolver } from './opportunity/opportunity.resolver';
import { QuoteResolver } from './quote/quote.resolver';
import { ContactConnectionResolver } from './contact/contact.type';
import { NodeResolver } from './node/node.resolver';
import { OrganizationSettingsResolver } from './organization/organization-settings.resolver';
import {
  AccountRelationshipResolver,
  ContactRelationshipResolver,
  IntroductionsPreferenceResolver,
  RelationshipInsightsResolver,
} from './relationship/relationship.resolver';
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
      AccountSalesResolver,
      ContactSalesResolver,
      OpportunityResolver,
      QuoteResolver,
      InvoiceResolver,
      ActivityResolver,
      ActivityParticipantResolver,
      OpportunityConnectionResolver,
      QuoteConnectionResolver,
      InvoiceConnectionResolver,
      ActivityConnectionResolver,
      OpportunityHistoryResolver,
      ImportJobResolver,
      ImportJobConnectionResolver,
      ImportRowErrorConnectionResolver,
      AccountRelationshipResolver,
      ContactRelationshipResolver,
      RelationshipInsightsResolver,
      IntroductionsPreferenceResolver,
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
