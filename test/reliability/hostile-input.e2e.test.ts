import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { recordFigures } from './support/figures';
import { mutationRequests, mutationsOf } from './support/graphql-fuzzer';
import { eventCount } from './support/inspect-crm';
import { tally } from './support/outcomes';
import { RELIABILITY_SEED, SOAK, sized } from './support/soak';

/** Codes that mean the server failed rather than refused: never acceptable, whatever the input. */
const FAILURES = new Set(['INTERNAL_SERVER_ERROR', 'UNCODED', 'NO_DATA']);

/** RELIABILITY_FUZZ_ONLY=createContact,registerUser fuzzes only those mutations (to chase one finding). */
const ONLY = process.env.RELIABILITY_FUZZ_ONLY?.split(',');

/** Requests per mutation of the schema (each rule broken is then shrunk to its smallest example). */
const PER_MUTATION = sized(16, 400);

/** What the server answered, reduced to what the rules are about. */
interface Answer {
  readonly status: number;
  readonly json: boolean;
  /** 'OK', or every error's code ('UNCODED' for an error without one). */
  readonly codes: string[];
  readonly messages: string[];
}

async function post(server: TestServer, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const token = (server.admin as unknown as { token: string }).token;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await response.text();
  type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] };
  let parsed: Body | null = null;
  try {
    parsed = JSON.parse(text) as Body;
  } catch {
    // Not JSON: reported as such below.
  }
  const errors = parsed?.errors ?? [];
  const codes =
    errors.length > 0
      ? errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNCODED'))
      : [parsed?.data ? 'OK' : 'NO_DATA'];
  return {
    status: response.status,
    json: parsed !== null && (response.headers.get('content-type') ?? '').startsWith('application/json'),
    codes,
    messages: errors.map((error) => error.message),
  };
}

/** Ids of records that exist, so that hostile values reach the deciders and not only the id parser. */
async function existingIds(server: TestServer): Promise<string[]> {
  const ids: string[] = [];
  for (const table of ['accounts', 'contacts', 'users', 'opportunities', 'quotes', 'invoices', 'activities', 'import_jobs']) {
    try {
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} order by id limit 20`.execute(server.crm.db);
      ids.push(...rows.map((row) => row.id).filter((id) => id !== server.adminId));
    } catch {
      // A table this build does not have.
    }
  }
  return ids;
}

describe.each(TEST_DATABASES)('hostile input on $name', (database) => {
  let server: TestServer;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await startTestServer(database);
    const introspection = await server.admin.send<IntrospectionQuery>({ query: getIntrospectionQuery() });
    schema = buildClientSchema(introspection.data!);
    const account = await server.admin.data<{ createAccount: { account: { id: string } } }, Record<string, unknown>>('CreateAccount', {
      input: { name: 'Target' },
    });
    await server.admin.data<unknown, Record<string, unknown>>('CreateContact', {
      input: { firstName: 'Tara', lastName: 'Get', accountId: account.createAccount.account.id },
    });
    await server.admin.data<unknown, Record<string, unknown>>('CreateContact', { input: { firstName: 'Free', lastName: 'Agent' } });
    await server.newUser('colleague@example.com');
  });
  afterAll(async () => {
    await server.dispose();
  });

  describe('request bodies the JSON parser refuses', () => {
    const bodies: [string, string, Record<string, string>, number][] = [
      ['over the 1 MB limit', JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1024 * 1024) } }), {}, 413],
      ['cut off in the middle', '{"query": "{ me { id } "', {}, 400],
      ['not JSON at all', 'query { me { id } }', {}, 400],
      [
        'in a charset the parser does not read',
        '{"query": "{ me { id } }"}',
        { 'content-type': 'application/json; charset=klingon-8' },
        415,
      ],
    ];

    it.each(bodies)('answers a body %s with a coded JSON error and writes nothing', async (_name, body, headers, status) => {
      const before = await eventCount(server.crm);

      const answer = await post(server, body, headers);

      expect(answer).toMatchObject({ status, json: true, codes: ['BAD_REQUEST'] });
      expect(answer.messages.join()).not.toMatch(/\bat \w|node_modules|Error:/u);
      expect(await eventCount(server.crm)).toBe(before);
    });

    it.each([
      ['a number for the query', '{"query": 5}'],
      ['an empty list', '[]'],
      ['null', 'null'],
      ['no operation', '{}'],
      ['an unknown operation name', '{"query": "query A { me { id } }", "operationName": "B"}'],
      ['variables that are not an object', '{"query": "{ me { id } }", "variables": "x"}'],
    ])('answers %s with a coded JSON error, not an internal one', async (_name, body) => {
      const answer = await post(server, body);

      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.json).toBe(true);
      expect(answer.codes.filter((code) => FAILURES.has(code))).toEqual([]);
    });
  });

  // Regression: graphql-js gives up after 50 invalid variable values with an error that has no code; it was
  // answered as INTERNAL_SERVER_ERROR.
  it('answers more than 50 invalid values in the variables as BAD_USER_INPUT, not an internal error', async () => {
    const roles = Array.from({ length: 60 }, () => 'NOT_A_ROLE');
    const body = {
      query: 'mutation ($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { position } }',
      variables: { input: { userId: server.adminId, roles } },
    };

    const answer = await post(server, JSON.stringify(body));

    expect(answer.status).toBe(400);
    expect(new Set(answer.codes)).toEqual(new Set(['BAD_USER_INPUT']));
  });

  // Regression: PostgreSQL cannot store U+0000 in text or jsonb; such input failed as INTERNAL_SERVER_ERROR.
  describe('the NUL character (U+0000)', () => {
    const createContact = 'mutation ($input: CreateContactInput!) { createContact(input: $input) { position } }';
    it.each([
      ['a name', { query: createContact, variables: { input: { firstName: 'Nul', lastName: 'a\u0000b' } } }],
      [
        'an idempotency key',
        { query: createContact, variables: { input: { firstName: 'Nul', lastName: 'Key', idempotencyKey: '\u0000' } } },
      ],
      [
        'an e-mail address',
        {
          query: 'mutation ($input: RegisterUserInput!) { registerUser(input: $input) { position } }',
          variables: { input: { email: 'nul\u0000@example.com', name: 'Nul', roles: ['SALESPERSON'] } },
        },
      ],
      [
        'a string literal of the query',
        { query: 'mutation { createAccount(input: { name: "Nul", idempotencyKey: "\\u0000" }) { position } }' },
      ],
      ['a variable name', { query: '{ me { id } }', variables: { 'x\u0000': 1 } }],
    ])('in %s is refused before it runs and writes nothing', async (where, body) => {
      const before = await eventCount(server.crm);

      const answer = await post(server, JSON.stringify(body));

      // A literal is refused by a validation rule, whose errors Apollo codes GRAPHQL_VALIDATION_FAILED.
      const code = where === 'a string literal of the query' ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_USER_INPUT';
      expect(answer).toMatchObject({ status: 400, json: true, codes: [code] });
      expect(await eventCount(server.crm)).toBe(before);
    });

    it('in a search over GET is refused as BAD_USER_INPUT', async () => {
      const query = encodeURIComponent('{ accounts(search: "a\u0000") { totalCount } }');
      const token = (server.admin as unknown as { token: string }).token;

      const response = await fetch(`${server.url}?query=${query}`, {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'x' },
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    });
  });

  it(
    'answers every mutation, whatever its values, with data or a coded error, and an error never writes',
    async () => {
      const ids = await existingIds(server);
      const pool = { ids: () => ids };
      const outcomes: string[] = [];
      /** Per mutation that broke a rule, the smallest request fast-check found that breaks it, and what happened. */
      const broken: { mutation: string; smallest: string; problem: string }[] = [];
      let sent = 0;
      const mutations = mutationsOf(schema).filter((field) => !ONLY || ONLY.includes(field.name));
      for (const [index, field] of mutations.entries()) {
        const property = fc.asyncProperty(mutationRequests(field, pool), async (request) => {
          // An import an earlier request started writes in the background: it must not count against this one.
          await server.running.imports.idle();
          const before = await eventCount(server.crm);
          const answer = await post(server, JSON.stringify({ query: request.query, variables: request.variables }));
          const written = (await eventCount(server.crm)) - before;
          sent += 1;
          outcomes.push(...answer.codes);
          if (!answer.json || answer.codes.some((code) => FAILURES.has(code))) throw new Error(`answered ${JSON.stringify(answer)}`);
          if (answer.codes[0] !== 'OK' && written !== 0) throw new Error(`refused (${answer.codes.join()}) but wrote ${written} events`);
        });
        // Under soak a failure is shrunk to its smallest example, for at most two minutes per mutation.
        const result = await fc.check(property, {
          numRuns: PER_MUTATION,
          seed: RELIABILITY_SEED + index,
          endOnFailure: !SOAK,
          interruptAfterTimeLimit: sized(60_000, 120_000),
        });
        if (result.failed) {
          const [request] = result.counterexample ?? [];
          console.warn(`${database.name}: ${field.name} broke a rule after ${result.numRuns} runs and ${result.numShrinks} shrinks`);
          broken.push({
            mutation: field.name,
            smallest: JSON.stringify(request?.variables, (_key, value: unknown) =>
              typeof value === 'string' && value.length > 200 ? `<${value.length} chars>` : value,
            ),
            problem: String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance).slice(0, 500),
          });
        }
        ids.splice(0, ids.length, ...(await existingIds(server)));
      }

      expect(broken).toEqual([]);
      recordFigures('hostile input: fuzzed mutations', database.name, {
        mutations: mutations.length,
        requests: sent,
        outcomes: tally(outcomes),
      });
    },
    sized(120_000, 3_600_000),
  );
});
