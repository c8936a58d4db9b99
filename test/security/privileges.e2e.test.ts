import { SYSTEM_ACTOR_ID, ROLES, type Role } from '../../events';
import { buildCrmSchema } from '../../schema/build-schema';
import type { CrmCommands } from '../../src/commands/crm-commands';
import { SalesCommands } from '../../src/commands/sales-commands';
import type { ImportService } from '../../src/import/job/import-service';
import { startTestServer, type GraphQLTestClient, type TestServer } from '../support/graphql-client';
import { sqliteDatabase } from '../support/test-databases';

type Depth = 'own' | 'all';

/**
 * The roles as the product describes them — the specification this test holds the privilege table to.
 * A salesperson creates records, reads all, and updates/deactivates/associates/logs activities only on records
 * they own; a sales manager does all of that on every record, assigns owners and runs imports; an administrator
 * manages users, roles, organisation settings and people's data requests; an auditor writes nothing.
 */
const SPEC: Readonly<Record<Role, Readonly<Record<string, Depth>>>> = {
  SALESPERSON: { create: 'all', update: 'own', deactivate: 'own', associate: 'own', logActivity: 'own' },
  SALES_MANAGER: { create: 'all', update: 'all', deactivate: 'all', associate: 'all', logActivity: 'all', assign: 'all', import: 'all' },
  ADMINISTRATOR: { manageUsers: 'all', settings: 'all', erasePersonalData: 'all' },
  AUDITOR: {},
};

interface Fixture {
  /** Commands of the system (they set up records, owned by whom the case says). */
  readonly system: CrmCommands;
  readonly systemSales: SalesCommands;
  /** A user who owns nothing the case acts on. */
  readonly bystanderId: string;
  /** The server's import jobs (run in the background). */
  readonly imports: ImportService;
}

interface MutationCase {
  readonly name: string;
  /** The privileges the mutation needs; `bound` ones are checked against the record's owner. */
  readonly needs: readonly { readonly privilege: string; readonly bound: boolean }[];
  /** Sets up the records (owned by `ownerId`) and returns the operation to send. */
  prepare(fixture: Fixture, ownerId: string): Promise<{ readonly operation: string; readonly variables: Record<string, unknown> }>;
}

const account = async (f: Fixture, ownerId: string, name = 'Contoso') => (await f.system.createAccount({ name, ownerId })).result.id;
const contact = async (f: Fixture, ownerId: string, accountId: string | null = null) =>
  (await f.system.createContact({ firstName: 'Jan', lastName: 'Kowalski', ownerId, accountId })).result.id;

const opportunity = async (f: Fixture, ownerId: string) =>
  (await f.systemSales.createOpportunity({ topic: 'Fleet renewal', accountId: await account(f, ownerId), ownerId })).result.id;
/** Logged by the bystander (the system is no user to own it), then given to `ownerId`. */
const activity = async (f: Fixture, ownerId: string) => {
  const bystander = f.systemSales.as({ actorId: f.bystanderId, source: 'api' });
  const id = (await bystander.logActivity({ type: 'TASK', subject: 'Call back', occurredAt: '2026-11-02T09:00:00.000Z' })).result.id;
  if (ownerId !== f.bystanderId) await f.system.assignOwner({ recordType: 'ACTIVITY', id, ownerId });
  return id;
};

const CASES: readonly MutationCase[] = [
  {
    name: 'createAccount',
    needs: [{ privilege: 'create', bound: false }],
    prepare: () => op('CreateAccount', { input: { name: 'New Co' } }),
  },
  {
    name: 'updateAccount',
    needs: [{ privilege: 'update', bound: true }],
    prepare: async (f, owner) => op('UpdateAccount', { input: { id: await account(f, owner), phone: '+48 22 555 01 02' } }),
  },
  {
    name: 'deactivateAccount',
    needs: [{ privilege: 'deactivate', bound: true }],
    prepare: async (f, owner) => op('DeactivateAccount', { input: { id: await account(f, owner) } }),
  },
  {
    name: 'activateAccount',
    needs: [{ privilege: 'deactivate', bound: true }],
    prepare: async (f, owner) => {
      const id = await account(f, owner);
      await f.system.deactivateAccount({ id });
      return op('ActivateAccount', { input: { id } });
    },
  },
  {
    name: 'createContact',
    needs: [{ privilege: 'create', bound: false }],
    prepare: () => op('CreateContact', { input: { firstName: 'A', lastName: 'B' } }),
  },
  {
    name: 'createContact in an account',
    needs: [
      { privilege: 'create', bound: false },
      { privilege: 'associate', bound: true },
    ],
    prepare: async (f, owner) => op('CreateContact', { input: { firstName: 'A', lastName: 'B', accountId: await account(f, owner) } }),
  },
  {
    name: 'updateContact',
    needs: [{ privilege: 'update', bound: true }],
    prepare: async (f, owner) => op('UpdateContact', { input: { id: await contact(f, owner), jobTitle: 'CEO' } }),
  },
  {
    name: 'deactivateContact',
    needs: [{ privilege: 'deactivate', bound: true }],
    prepare: async (f, owner) => op('DeactivateContact', { input: { id: await contact(f, owner) } }),
  },
  {
    name: 'activateContact',
    needs: [{ privilege: 'deactivate', bound: true }],
    prepare: async (f, owner) => {
      const id = await contact(f, owner);
      await f.system.deactivateContact({ id });
      return op('ActivateContact', { input: { id } });
    },
  },
  {
    name: 'associateContacts',
    needs: [{ privilege: 'associate', bound: true }],
    prepare: async (f, owner) =>
      op('AssociateContacts', { input: { accountId: await account(f, owner), contactIds: [await contact(f, owner)] } }),
  },
  {
    name: 'disassociateContact',
    needs: [{ privilege: 'associate', bound: true }],
    prepare: async (f, owner) => op('DisassociateContact', { input: { contactId: await contact(f, owner, await account(f, owner)) } }),
  },
  {
    name: 'assignOwner (account)',
    needs: [{ privilege: 'assign', bound: true }],
    prepare: async (f, owner) =>
      op('AssignOwner', { input: { recordType: 'ACCOUNT', id: await account(f, owner), ownerId: f.bystanderId } }),
  },
  {
    name: 'assignOwner (contact)',
    needs: [{ privilege: 'assign', bound: true }],
    prepare: async (f, owner) =>
      op('AssignOwner', { input: { recordType: 'CONTACT', id: await contact(f, owner), ownerId: f.bystanderId } }),
  },
  {
    name: 'createOpportunity',
    needs: [{ privilege: 'create', bound: false }],
    prepare: async (f, owner) => op('CreateOpportunity', { input: { topic: 'New fleet', accountId: await account(f, owner) } }),
  },
  {
    name: 'closeOpportunity',
    needs: [{ privilege: 'update', bound: true }],
    prepare: async (f, owner) => op('CloseOpportunity', { input: { id: await opportunity(f, owner), status: 'WON' } }),
  },
  {
    name: 'createQuoteFromOpportunity',
    needs: [{ privilege: 'create', bound: false }],
    prepare: async (f, owner) =>
      op('CreateQuoteFromOpportunity', { input: { opportunityId: await opportunity(f, owner), totalAmount: '1200.00' } }),
  },
  {
    name: 'createInvoice',
    needs: [{ privilege: 'create', bound: false }],
    prepare: async (f, owner) =>
      op('CreateInvoice', { input: { name: 'Licences', accountId: await account(f, owner), totalAmount: '99.90' } }),
  },
  {
    name: 'logActivity',
    needs: [{ privilege: 'logActivity', bound: true }],
    prepare: async (f, owner) =>
      op('LogActivity', {
        input: {
          type: 'PHONE_CALL',
          subject: 'Renewal',
          occurredAt: '2026-11-02T10:00:00.000Z',
          regardingAccountId: await account(f, owner),
        },
      }),
  },
  {
    name: 'assignOwner (opportunity)',
    needs: [{ privilege: 'assign', bound: true }],
    prepare: async (f, owner) =>
      op('AssignSalesOwner', { input: { recordType: 'OPPORTUNITY', id: await opportunity(f, owner), ownerId: f.bystanderId } }),
  },
  {
    name: 'assignOwner (activity)',
    needs: [{ privilege: 'assign', bound: true }],
    prepare: async (f, owner) =>
      op('AssignSalesOwner', { input: { recordType: 'ACTIVITY', id: await activity(f, owner), ownerId: f.bystanderId } }),
  },
  {
    name: 'eraseContactPersonalData',
    needs: [{ privilege: 'erasePersonalData', bound: false }],
    prepare: async (f, owner) => op('EraseContactPersonalData', { input: { contactId: await contact(f, owner), reason: 'asked' } }),
  },
  {
    name: 'registerUser',
    needs: [{ privilege: 'manageUsers', bound: false }],
    prepare: () =>
      op('RegisterUser', {
        input: { email: `new-${Math.random().toString(36).slice(2)}@example.com`, name: 'New', roles: ['SALESPERSON'] },
      }),
  },
  {
    name: 'changeUserRoles',
    needs: [{ privilege: 'manageUsers', bound: false }],
    prepare: async (f) => op('ChangeUserRoles', { input: { userId: await newUser(f), roles: ['AUDITOR'] } }),
  },
  {
    name: 'deactivateUser',
    needs: [{ privilege: 'manageUsers', bound: false }],
    prepare: async (f) => op('DeactivateUser', { input: { userId: await newUser(f) } }),
  },
  {
    name: 'activateUser',
    needs: [{ privilege: 'manageUsers', bound: false }],
    prepare: async (f) => {
      const userId = await newUser(f);
      await f.system.deactivateUser({ userId });
      return op('ActivateUser', { input: { userId } });
    },
  },
  {
    // A user's own preference: every role reads, so every role may choose it.
    name: 'setIntroductionsOptOut',
    needs: [],
    prepare: () => op('SetIntroductionsOptOut', { optOut: true }),
  },
  {
    name: 'updateOrganizationSettings',
    needs: [{ privilege: 'settings', bound: false }],
    prepare: () => op('UpdateOrganizationSettings', { input: { addressSuggestionsEnabled: true } }),
  },
  {
    name: 'startImport',
    needs: [{ privilege: 'import', bound: false }],
    prepare: () => op('StartImport', { input: { entity: 'ACCOUNT', content: 'Account Name\nImported Co\n', dryRun: true } }),
  },
  {
    name: 'retryImport',
    needs: [{ privilege: 'import', bound: false }],
    prepare: async (f) => op('RetryImport', { id: await failedImportJob(f) }),
  },
];

/** An import job the system started on a refused file (a DTD), FAILED and ready to run again. */
async function failedImportJob(f: Fixture): Promise<string> {
  const content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x/>';
  const { jobId } = await f.imports.start(SYSTEM_ACTOR_ID, { entity: 'ACCOUNT', format: 'XML', content });
  await f.imports.completion(jobId);
  return jobId;
}

function op(operation: string, variables: Record<string, unknown>) {
  return Promise.resolve({ operation, variables });
}

async function newUser(f: Fixture): Promise<string> {
  const email = `target-${Math.random().toString(36).slice(2)}@example.com`;
  return (await f.system.registerUser({ email, name: 'Target', roles: ['SALESPERSON'] })).result.id;
}

/** Whether the specification lets a holder of `role` run the case on a record they own or not. */
function allowed(role: Role, mutation: MutationCase, ownership: 'own' | 'others'): boolean {
  return mutation.needs.every(({ privilege, bound }) => {
    const depth = SPEC[role][privilege];
    return depth === 'all' || (depth === 'own' && (!bound || ownership === 'own'));
  });
}

describe('every mutation, for every role, on its own and on others’ records', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients = new Map<Role, { id: string; client: GraphQLTestClient }>();
  beforeAll(async () => {
    server = await startTestServer(sqliteDatabase);
    const system = server.crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' });
    const bystander = await system.registerUser({ email: 'bystander@example.com', name: 'Bystander', roles: ['SALESPERSON'] });
    const systemSales = new SalesCommands(server.crm.handler, { actorId: SYSTEM_ACTOR_ID, source: 'system' });
    fixture = { system, systemSales, bystanderId: bystander.result.id, imports: server.running.imports };
    for (const role of ROLES) {
      const registered = await system.registerUser({ email: `${role.toLowerCase()}@example.com`, name: role, roles: [role] });
      clients.set(role, { id: registered.result.id, client: await server.clientFor(registered.result.id) });
    }
  });
  afterAll(async () => {
    await server.dispose();
  });

  const table = ROLES.flatMap((role) =>
    CASES.flatMap((mutation) => (['own', 'others'] as const).map((ownership) => ({ role, mutation, ownership }))),
  );

  it.each(
    table.map(
      (row) =>
        [
          row.role,
          row.mutation.name,
          row.ownership,
          allowed(row.role, row.mutation, row.ownership) ? 'allowed' : 'FORBIDDEN',
          row,
        ] as const,
    ),
  )('%s · %s · on %s records → %s', async (_role, _name, _ownership, _expected, { role, mutation, ownership }) => {
    const actor = clients.get(role)!;
    const owner = ownership === 'own' ? actor.id : fixture.bystanderId;
    const { operation, variables } = await mutation.prepare(fixture, owner);
    // Imports run in the background: an earlier case's job must not append while this case counts events.
    await fixture.imports.idle();
    const head = await server.crm.store.headPosition();
    const response = await actor.client.request(operation, variables);
    if (allowed(role, mutation, ownership)) {
      expect(response.errors).toBeUndefined();
    } else {
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The refusal names the missing privilege.
      expect(mutation.needs.map((need) => need.privilege)).toContain(response.errors?.[0]?.extensions?.privilege);
      expect(await server.crm.store.headPosition()).toBe(head);
    }
  });

  it('covers every mutation of the schema', () => {
    const mutations = Object.keys(buildCrmSchema().getMutationType()!.getFields());
    const covered = new Set(CASES.map((mutation) => mutation.name.split(' ')[0]));
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });
});
