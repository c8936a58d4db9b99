import { withoutCredentials } from '../../src/server/request-log';

describe('the request log', () => {
  it('shows that credentials were sent, never what they hold', () => {
    const logged = withoutCredentials({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: 'Bearer eyJhbGciOi.secret.token', cookie: 'session=abc', 'content-type': 'application/json' },
    });
    expect(logged).toEqual({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'content-type': 'application/json' },
    });
    expect(JSON.stringify(logged)).not.toContain('secret');
  });

  it('leaves a request without credentials as it is', () => {
    const request = { method: 'GET', url: '/healthz', headers: { accept: '*/*' } };
    expect(withoutCredentials(request)).toBe(request);
  });
});
