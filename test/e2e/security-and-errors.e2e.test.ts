import { SignJWT } from 'jose';
import { issueToken } from '../../src/auth/tokens';
import type { MeQuery } from '../generated/operations';
import { GraphQLTestClient, TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/graphql-client';
import { sqliteDatabase } from '../support/test-databases';

describe('authentication, error masking and the HTTP endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteDatabase);
  });
  afterAll(async () => {
    await server.dispose();
  });

  const asToken = (token: string | null) => new GraphQLTestClient(server.url, token);

  it('answers UNAUTHENTICATED (401) without a token', async () => {
    const response = await asToken(null).request<MeQuery>('Me');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['tampered', async () => `${(await issueToken(TEST_JWT_SECRET, server.adminId)).slice(0, -4)}AAAA`],
    ['signed with another secret', () => issueToken('another-secret-another-secret-another', server.adminId)],
    ['expired', () => issueToken(TEST_JWT_SECRET, server.adminId, '1s', new Date(Date.now() - 3_600_000))],
    ['for a user that does not exist', () => issueToken(TEST_JWT_SECRET, '01900000-0000-7000-8000-0000000000ee')],
    [
      'signed with "none"',
      () =>
        Promise.resolve(
          `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${server.adminId}"}`).toString('base64url')}.`,
        ),
    ],
    [
      'without the audience',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(server.adminId)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
    ],
  ])('refuses a token %s', async (_case, makeToken) => {
    const response = await asToken(await makeToken()).request<MeQuery>('Me');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  });

  it('never shows a stack trace or SQL: internal errors are masked and carry the request id', async () => {
    const response = await server.admin.send<unknown>(
      { query: 'query { accounts(search: "x") { totalCount } }' },
      { 'x-request-id': 'test-request-42' },
    );
    expect(response.errors).toBeUndefined();
    // Break the read side under the server: the next query fails inside the database layer.
    await server.crm.db.destroy().catch(() => undefined);
    const failing = await server.admin.send<unknown>({ query: '{ accounts { totalCount } }' }, { 'x-request-id': 'test-request-43' });
    const text = JSON.stringify(failing);
    expect(failing.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'test-request-43' },
    });
    expect(text).not.toMatch(/stack|sqlite|select |at .*\.ts/iu);
  });
});

describe('HTTP endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteDatabase);
  });
  afterAll(async () => {
    await server.dispose();
  });
  const base = () => server.url.replace(/\/graphql$/u, '');

  it('answers health and readiness without a token', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('serves Prometheus metrics', async () => {
    const metrics = await (await fetch(`${base()}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('serves a GraphQL IDE to a browser, with every asset from this server', async () => {
    const page = await fetch(`${base()}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/gu)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const response = await fetch(`${base()}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const root = await fetch(`${base()}/`, { headers: { accept: 'text/html' } });
    expect(await root.text()).toBe(html);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});
