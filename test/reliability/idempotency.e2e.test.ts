import { issueToken } from '../../src/auth/tokens';
import { GraphQLTestClient, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { onNextAppend, pause, trackInFlight } from './support/append-hooks';
import { waitUntil } from './support/cli-process';
import { recordFigures } from './support/figures';
import { eventCount } from './support/inspect-crm';
import { LossyProxy } from './support/lossy-proxy';
import { outcomeOf } from './support/outcomes';

type Input = Record<string, unknown>;

/** A mutation to retry: its operation, how to prepare its input, and how many events its one effect writes. */
interface RetriedMutation {
  readonly operation: string;
  readonly effect: number;
  prepare(api: GraphQLTestClient, n: number): Promise<Input>;
}

async function newAccount(api: GraphQLTestClient, name: string): Promise<string> {
  const data = await api.data<{ createAccount: { account: { id: string } } }, { input: Input }>('CreateAccount', { input: { name } });
  return data.createAccount.account.id;
}

async function newContact(api: GraphQLTestClient, lastName: string, accountId?: string): Promise<string> {
  const data = await api.data<{ createContact: { contact: { id: string } } }, { input: Input }>('CreateContact', {
    input: { firstName: 'Retry', lastName, ...(accountId ? { accountId } : {}) },
  });
  return data.createContact.contact.id;
}

const MUTATIONS: readonly RetriedMutation[] = [
  { operation: 'CreateAccount', effect: 1, prepare: (_api, n) => Promise.resolve({ name: `Retried account ${n}` }) },
  {
    operation: 'UpdateAccount',
    effect: 1,
    prepare: async (api, n) => ({ id: await newAccount(api, `To update ${n}`), industry: `Retried ${n}`, expectedVersion: 1 }),
  },
  {
    operation: 'CreateContact',
    effect: 2,
    prepare: async (api, n) => ({ firstName: 'Retried', lastName: `Contact ${n}`, accountId: await newAccount(api, `Home ${n}`) }),
  },
  {
    operation: 'AssociateContacts',
    effect: 2,
    prepare: async (api, n) => ({
      accountId: await newAccount(api, `Linking ${n}`),
      contactIds: [await newContact(api, `A${n}`), await newContact(api, `B${n}`)],
    }),
  },
  {
    operation: 'DisassociateContact',
    effect: 1,
    prepare: async (api, n) => ({ contactId: await newContact(api, `Leaving ${n}`, await newAccount(api, `Left ${n}`)) }),
  },
  { operation: 'DeactivateAccount', effect: 1, prepare: async (api, n) => ({ id: await newAccount(api, `Closing ${n}`) }) },
  {
    operation: 'RegisterUser',
    effect: 2,
    prepare: (_api, n) => Promise.resolve({ email: `retried${n}@example.com`, name: `Retried ${n}`, roles: ['SALESPERSON'] }),
  },
];

/** Where the client's request is cut: as the server receives it, while it appends, or after it committed. */
const LOSSES = ['on receipt', 'during the append', 'after the commit', 'answer lost on the way back'] as const;
type Loss = (typeof LOSSES)[number];

describe.each(TEST_DATABASES)('idempotent retries after a lost answer on $name', (database) => {
  let server: TestServer;
  let proxy: LossyProxy;
  let lossy: GraphQLTestClient;
  let inFlight: { count(): number };
  let tried = 0;
  beforeAll(async () => {
    server = await startTestServer(database);
    inFlight = trackInFlight(server.running.server);
    proxy = new LossyProxy(server.url);
    lossy = new GraphQLTestClient(await proxy.start(), await issueToken(TEST_JWT_SECRET, server.adminId));
  });
  afterAll(async () => {
    await proxy.stop();
    await server.dispose();
    recordFigures('idempotency: retries after a lost answer', database.name, { mutations: MUTATIONS.length, losses: LOSSES.length, tried });
  });

  /** Sends the request through the proxy and cuts it at `loss`; the client sees no answer. */
  async function sendAndLose(loss: Loss, operation: string, variables: { input: Input }): Promise<void> {
    if (loss === 'answer lost on the way back') proxy.loseNextAnswer();
    else proxy.abortNext();
    if (loss === 'on receipt') server.running.server.once('request', () => proxy.abortNow());
    const abortAndWait = async () => {
      proxy.abortNow();
      await pause(20);
    };
    if (loss === 'during the append') onNextAppend(server.crm, { before: abortAndWait });
    if (loss === 'after the commit') onNextAppend(server.crm, { after: abortAndWait });
    await expect(lossy.request(operation, variables)).rejects.toThrow();
  }

  const cases = MUTATIONS.flatMap((mutation) => LOSSES.map((loss) => [mutation.operation, loss, mutation] as const));

  it.each(cases)('%s cut %s: the retry with the same key has one effect and the same answer', async (operation, loss, mutation) => {
    tried += 1;
    const input = await mutation.prepare(server.admin, tried);
    const variables = { input: { ...input, idempotencyKey: `retry-${operation}-${tried}` } };
    const before = await eventCount(server.crm);

    await sendAndLose(loss, operation, variables);
    const retry = await server.admin.request(operation, variables);
    const again = await server.admin.request(operation, variables);

    expect(outcomeOf(retry)).toBe('OK');
    expect(again).toEqual(retry);
    if (loss === 'answer lost on the way back') expect(JSON.parse(proxy.lost.at(-1)!)).toEqual({ data: retry.data });
    expect(await waitUntil(() => inFlight.count() === 0, 5000)).toBe(true);
    await server.crm.settle();
    expect((await eventCount(server.crm)) - before).toBe(mutation.effect);
  });
});
