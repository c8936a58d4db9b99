import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SYSTEM_ACTOR_ID } from '../../events';
import type { MeQuery } from '../generated/operations';
import { GraphQLTestClient, startTestServer, type TestServer } from '../support/graphql-client';
import { sqliteDatabase, temporaryDir } from '../support/test-databases';

const ISSUER = 'https://id.example.com';
const AUDIENCE = 'crm';

async function keyPair() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  return { privateKey, jwk };
}

function providerToken(
  privateKey: KeyLike,
  claims: { sub: string; email?: string },
  options: { expiresIn?: string; audience?: string } = {},
) {
  return new SignJWT(claims.email ? { email: claims.email } : {})
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(privateKey);
}

describe('tokens of an identity provider (RS256 through a JWKS file)', () => {
  let server: TestServer;
  let privateKey: KeyLike;
  let jwk: JWK;
  const dir = temporaryDir('crm-jwks-');
  beforeAll(async () => {
    ({ privateKey, jwk } = await keyPair());
    const file = join(dir.path, 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    server = await startTestServer(sqliteDatabase, {}, { jwks: { file, issuer: ISSUER, audience: AUDIENCE } });
  });
  afterAll(async () => {
    await server.dispose();
    dir.remove();
  });
  const me = (token: string) => new GraphQLTestClient(server.url, token).request<MeQuery>('Me');

  it('accepts a provider token naming the user by id', async () => {
    const response = await me(await providerToken(privateKey, { sub: server.adminId }));
    expect(response.data?.me.id).toBe(server.adminId);
  });

  it('accepts a provider token naming the user by e-mail', async () => {
    const response = await me(await providerToken(privateKey, { sub: 'idp|12345', email: 'ADMIN@example.com' }));
    expect(response.data?.me.id).toBe(server.adminId);
  });

  it.each([
    ['signed with another key', async () => providerToken((await keyPair()).privateKey, { sub: server.adminId })],
    ['for another audience', () => providerToken(privateKey, { sub: server.adminId }, { audience: 'someone-else' })],
    ['expired', () => providerToken(privateKey, { sub: server.adminId }, { expiresIn: '-2m' })],
    [
      'forged as HS256 with the public key as the secret',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(server.adminId)
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(JSON.stringify(jwk))),
    ],
  ])('refuses a provider token %s', async (_case, token) => {
    const response = await me(await token());
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('tokens of an identity provider (RS256 through a JWKS URL)', () => {
  let server: TestServer;
  let keys: Server;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await keyPair();
    privateKey = pair.privateKey;
    keys = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [pair.jwk] })),
    );
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/.well-known/jwks.json`;
    server = await startTestServer(sqliteDatabase, {}, { jwks: { url, issuer: ISSUER, audience: AUDIENCE } });
  });
  afterAll(async () => {
    await server.dispose();
    keys.close();
  });

  it('fetches the key set and accepts the provider’s token', async () => {
    const response = await new GraphQLTestClient(server.url, await providerToken(privateKey, { sub: server.adminId })).request<MeQuery>(
      'Me',
    );
    expect(response.data?.me.id).toBe(server.adminId);
  });
});

describe('deactivated users', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteDatabase);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('refuses the still-valid token of a deactivated user at once, and accepts it again after activation', async () => {
    const { id, client } = await server.newUser('leaving@example.com');
    expect((await client.request<MeQuery>('Me')).data?.me.id).toBe(id);
    await server.admin.data('DeactivateUser', { input: { userId: id } });
    const refused = await client.request<MeQuery>('Me');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('deactivated') as unknown,
    });
    await server.admin.data('ActivateUser', { input: { userId: id } });
    expect((await client.request<MeQuery>('Me')).data?.me.id).toBe(id);
  });

  it('lets no one assign records to a deactivated user', async () => {
    const { id } = await server.newUser('gone@example.com');
    await server.crm.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' }).deactivateUser({ userId: id });
    const refused = await server.admin.error('CreateAccount', { input: { name: 'Orphan', ownerId: id } });
    expect(refused.extensions).toMatchObject({ code: 'RECORD_INACTIVE', field: 'ownerId' });
  });
});

describe('query limits, refused before anything runs', () => {
  let server: TestServer;
  const statements: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(sqliteDatabase, { onReadQuery: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function refusedBeforeExecution(query: string) {
    statements.length = 0;
    const response = await server.admin.send<unknown>({ query });
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    // Only the token's user was looked up: no resolver ran.
    expect(statements).toHaveLength(1);
    return response.errors ?? [];
  }

  it('refuses a query nested 20 levels deep', async () => {
    const nested = `${'parentAccount { '.repeat(17)}id${' }'.repeat(17)}`;
    const errors = await refusedBeforeExecution(`{ accounts { edges { node { ${nested} } } } }`);
    expect(errors[0]?.message).toMatch(/depth|cost/iu);
  });

  it('refuses a query nested deeper than 12 levels even when it is cheap', async () => {
    const nested = `${'parentAccount { '.repeat(11)}id${' }'.repeat(11)}`;
    const errors = await refusedBeforeExecution(`{ accounts { edges { node { ${nested} } } } }`);
    expect(errors[0]?.message).toMatch(/depth/iu);
  });

  it('refuses a query with 500 aliases', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ');
    const errors = await refusedBeforeExecution(`{ ${aliases} }`);
    expect(errors[0]?.message).toMatch(/alias/iu);
  });

  it('refuses a query of too many tokens with a 400', async () => {
    const fields = Array.from({ length: 12_000 }, () => 'id').join(' ');
    const response = await server.admin.send<unknown>({ query: `{ me { ${fields} } }` });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/token/iu);
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ me { id } }')}`, { method: 'GET' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/u);
  });

  it('refuses batched requests', async () => {
    const response = await server.admin.send<unknown>([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(response.status).toBe(400);
  });
});

describe('rate limits, introspection and production errors', () => {
  it('answers RATE_LIMITED (429) with the wait once a user exceeds their rate', async () => {
    const server = await startTestServer(sqliteDatabase, {}, { rateLimitPerMinute: 60 });
    try {
      const responses = [];
      for (let i = 0; i < 12; i += 1) responses.push(await server.admin.request<MeQuery>('Me'));
      const limited = responses.filter((response) => response.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]!.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) as unknown });
      expect(responses[0]!.status).toBe(200);
    } finally {
      await server.dispose();
    }
  });

  it('refuses introspection when it is turned off, and hides field suggestions in production', async () => {
    const server = await startTestServer(sqliteDatabase, {}, { introspection: false, production: true });
    try {
      const introspection = await server.admin.send<unknown>({ query: '{ __schema { queryType { name } } }' });
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/iu);
      const typo = await server.admin.send<unknown>({ query: '{ accuonts { totalCount } }' });
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/u);
    } finally {
      await server.dispose();
    }
  });

  it('suggests field names outside production', async () => {
    const server = await startTestServer(sqliteDatabase);
    try {
      const typo = await server.admin.send<unknown>({ query: '{ accuonts { totalCount } }' });
      expect(typo.errors?.[0]?.message).toMatch(/Did you mean "accounts"/u);
    } finally {
      await server.dispose();
    }
  });
});
