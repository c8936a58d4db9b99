import type {
  AssociateContactsMutation,
  AssociateContactsMutationVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  CreateContactMutation,
  CreateContactMutationVariables,
  UpdateAccountMutation,
  UpdateAccountMutationVariables,
} from '../../generated/operations';
import type { GraphQLTestClient } from '../../support/graphql-client';
import { outcomeOf } from './outcomes';

/** How many requests race in each scenario. */
export const CONTENDERS = 50;

export interface UpdateRace {
  readonly accountId: string;
  readonly versionBefore: number;
  /** Each contender's outcome, in the order they were sent: 'OK' or the error code. */
  readonly outcomes: string[];
  /** The name each contender tried to set. */
  readonly names: string[];
}

/** Creates an account, then sends CONTENDERS updates pinned to the same version at once, spread over the clients. */
export async function raceUpdates(clients: readonly GraphQLTestClient[], label: string): Promise<UpdateRace> {
  const created = await clients[0]!.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
    input: { name: `${label} race` },
  });
  const { id, version } = created.createAccount.account;
  const names = Array.from({ length: CONTENDERS }, (_, i) => `${label} contender ${i}`);
  const responses = await Promise.all(
    names.map((name, i) =>
      clients[i % clients.length]!.request<UpdateAccountMutation, UpdateAccountMutationVariables>('UpdateAccount', {
        input: { id, name, expectedVersion: version },
      }),
    ),
  );
  return { accountId: id, versionBefore: version, outcomes: responses.map(outcomeOf), names };
}

export interface AssociationRace {
  readonly contactId: string;
  readonly accountIds: string[];
  readonly outcomes: string[];
}

/** Creates CONTENDERS accounts and one contact, then links the contact to every account at once. */
export async function raceAssociations(clients: readonly GraphQLTestClient[], label: string): Promise<AssociationRace> {
  const accountIds = await Promise.all(
    Array.from({ length: CONTENDERS }, async (_, i) => {
      const data = await clients[i % clients.length]!.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
        input: { name: `${label} account ${i}` },
      });
      return data.createAccount.account.id;
    }),
  );
  const contact = await clients[0]!.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
    input: { firstName: 'Sought', lastName: `After ${label}` },
  });
  const contactId = contact.createContact.contact.id;
  const responses = await Promise.all(
    accountIds.map((accountId, i) =>
      clients[i % clients.length]!.request<AssociateContactsMutation, AssociateContactsMutationVariables>('AssociateContacts', {
        input: { accountId, contactIds: [contactId] },
      }),
    ),
  );
  return { contactId, accountIds, outcomes: responses.map(outcomeOf) };
}
