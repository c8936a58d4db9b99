import { Kind, parse, print, visit, type ASTNode, type FragmentDefinitionNode } from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { OFFLINE_ADDRESS_PROVIDER } from '../../src/addresses/address-provider.config';
import type { Crm, CrmOptions } from '../../src/app/open-crm';
import { issueToken } from '../../src/auth/tokens';
import type { Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { temporaryDir, type CreatedDatabase, type TestDatabase } from './test-databases';
import { TEST_DATA_KEY, TEST_JWT_SECRET } from './test-secrets';

const OPERATIONS_DIR = join(__dirname, '..', 'operations');

/** Every operation and fragment in test/operations; a request sends one operation and the fragments it uses. */
const DEFINITIONS = parse(
  readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(OPERATIONS_DIR, file), 'utf8'))
    .join('\n'),
).definitions;

const documents = new Map<string, string>();

/** The text of one operation with exactly the fragments it spreads (transitively). */
function documentFor(operationName: string): string {
  const cached = documents.get(operationName);
  if (cached) return cached;
  const operation = DEFINITIONS.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === operationName,
  );
  if (!operation) throw new Error(`No operation ${operationName} in test/operations`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const pending: ASTNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (fragments.has(name)) return;
        const fragment = DEFINITIONS.find(
          (definition): definition is FragmentDefinitionNode =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
        );
        if (!fragment) throw new Error(`No fragment ${name} in test/operations`);
        fragments.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  const text = [operation, ...fragments.values()].map((definition) => print(definition)).join('\n\n');
  documents.set(operationName, text);
  return text;
}

export interface GraphQLResponse<Data> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Sends the operations of test/operations (typed by codegen) as one user. */
export class GraphQLTestClient {
  constructor(
    readonly url: string,
    private readonly token: string | null,
  ) {}

  async request<Data, Variables = Record<string, never>>(operationName: string, variables?: Variables): Promise<GraphQLResponse<Data>> {
    return this.send({ query: documentFor(operationName), operationName, variables: variables ?? {} });
  }

  /** The data of an operation that must succeed. */
  async data<Data, Variables = Record<string, never>>(operationName: string, variables?: Variables): Promise<Data> {
    const response = await this.request<Data, Variables>(operationName, variables);
    if (response.errors?.length || !response.data) throw new Error(`${operationName} failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** The first error of an operation that must fail. */
  async error<Variables>(operationName: string, variables?: Variables): Promise<{ message: string; extensions: Record<string, unknown> }> {
    const response = await this.request<unknown, Variables>(operationName, variables);
    const error = response.errors?.[0];
    if (!error) throw new Error(`${operationName} was expected to fail but answered ${JSON.stringify(response.data)}`);
    return { message: error.message, extensions: error.extensions ?? {} };
  }

  /** Any query text (for shapes the operation files do not cover). */
  async send<Data>(body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<Data>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
    return { status: response.status, ...json };
  }
}

export { TEST_DATA_KEY, TEST_JWT_SECRET } from './test-secrets';

export interface TestServer {
  readonly running: RunningServer;
  readonly crm: Crm;
  readonly url: string;
  /** Where the server keeps its data. */
  readonly database: CreatedDatabase;
  /** What the server printed at first start. */
  readonly banner: string;
  /** The first administrator's client. */
  readonly admin: GraphQLTestClient;
  readonly adminId: string;
  clientFor(userId: string): Promise<GraphQLTestClient>;
  /** Registers a user (SALES_MANAGER) and returns its client. */
  newUser(email: string): Promise<{ id: string; client: GraphQLTestClient }>;
  /** Stops the server and starts a new one on the same database (with other CRM options, when given). */
  restart(crmOptions?: Partial<CrmOptions>): Promise<TestServer>;
  dispose(): Promise<void>;
}

export async function startTestServer(
  database: TestDatabase,
  crmOptions: Partial<CrmOptions> = {},
  configOverrides: Partial<Config> = {},
): Promise<TestServer> {
  const created = await database.create();
  const dataDir = temporaryDir();
  return launch(created, dataDir, crmOptions, configOverrides);
}

async function launch(
  created: CreatedDatabase,
  dataDir: { path: string; remove(): void },
  crmOptions: Partial<CrmOptions>,
  configOverrides: Partial<Config>,
): Promise<TestServer> {
  const config: Config = {
    port: 0,
    databaseUrl: created.url,
    eventStoreUrl: created.url,
    jwtSecret: TEST_JWT_SECRET,
    dataKey: TEST_DATA_KEY,
    adminEmail: 'admin@example.com',
    logLevel: 'silent',
    dataDir: dataDir.path,
    maxReadyLag: 10_000,
    readYourWritesTimeoutMs: 30_000,
    addresses: OFFLINE_ADDRESS_PROVIDER,
    jwks: null,
    // Tests send requests far faster than people do: no limit unless a test asks for one.
    rateLimitPerMinute: 0,
    introspection: true,
    production: false,
    ...configOverrides,
  };
  let banner = '';
  const running = await startServer(config, { logger: pino({ level: 'silent' }), announce: (text) => (banner += text), crm: crmOptions });
  const admin = await running.crm.db
    .selectFrom('users')
    .select('id')
    .where('email_key', '=', 'admin@example.com')
    .executeTakeFirstOrThrow();
  const clientFor = async (userId: string) => new GraphQLTestClient(running.url, await issueToken(TEST_JWT_SECRET, userId));
  let stopped = false;
  const server: TestServer = {
    running,
    crm: running.crm,
    url: running.url,
    database: created,
    banner,
    admin: await clientFor(admin.id),
    adminId: admin.id,
    clientFor,
    async newUser(email) {
      const outcome = await running.crm
        .commands({ actorId: admin.id, source: 'api' })
        .registerUser({ email, name: email.split('@')[0]!, roles: ['SALES_MANAGER'] });
      await running.crm.readYourWrites(outcome.checkpoint);
      return { id: outcome.result.id, client: await clientFor(outcome.result.id) };
    },
    async restart(nextOptions = crmOptions) {
      if (!stopped) await running.stop();
      stopped = true;
      return launch(created, dataDir, nextOptions, configOverrides);
    },
    async dispose() {
      if (!stopped) await running.stop();
      stopped = true;
      await created.drop();
      dataDir.remove();
    },
  };
  return server;
}
