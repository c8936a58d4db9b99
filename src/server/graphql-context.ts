import type { GraphQLContext } from '../../schema/context';
import { createLoaders } from '../../schema/loaders';
import { rolesOf, type UserRow } from '../../projections/user/user.queries';
import type { Crm } from '../app/open-crm';
import { OrganizationCommands } from '../commands/organization-commands';
import { SalesCommands } from '../commands/sales-commands';
import type { ImportService } from '../import/job/import-service';
import { PersonalDataService } from '../personal-data/personal-data-service';

/** What the resolvers of one request get, acting as `user` (already authenticated); `imports` runs import jobs. */
export function graphQLContextFor(crm: Crm, user: UserRow, requestId: string, imports: ImportService | null = null): GraphQLContext {
  const commandContext = { actorId: user.id, source: 'api', correlationId: requestId, causationId: requestId } as const;
  const personalData = new PersonalDataService(crm);
  const roles = rolesOf(user);
  const requestedAt = crm.clock.now();
  return {
    viewer: { id: user.id, name: user.name, email: user.email, roles },
    requestId,
    requestedAt,
    commands: crm.commands(commandContext),
    sales: new SalesCommands(crm.handler, commandContext),
    organization: new OrganizationCommands(crm.handler, commandContext),
    addresses: crm.addresses,
    personalData: {
      erase: (request) => personalData.eraseContact(commandContext, request),
      export: (contactId) => personalData.exportContact(contactId, roles, crm.clock.now()),
    },
    db: crm.db,
    loaders: createLoaders(crm.db, user.id, requestedAt),
    history: crm.history,
    imports,
    readYourWrites: (checkpoint) => crm.readYourWrites(checkpoint),
  };
}
