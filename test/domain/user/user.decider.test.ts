import { ValidationError } from '../../../src/domain/errors';
import { userDecider } from '../../../src/domain/user/user.decider';
import { deciderSpec } from '../../support/decider-spec';
import { OWNER } from '../../support/event-builders';

const spec = deciderSpec(userDecider);
const register = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RegisterUser',
    userId: OWNER,
    email: 'Ann@Example.com',
    name: 'Ann',
    roles: ['salesperson'],
    emailClaim: { claimedBy: null },
    ...overrides,
  }) as never;

describe('user decider', () => {
  it('registers a user and claims the e-mail address (lower-cased) for it', () => {
    spec
      .given([])
      .when(register())
      .then([
        {
          type: 'UserRegistered',
          schemaVersion: 1,
          data: { userId: OWNER, email: 'Ann@Example.com', name: 'Ann', roles: ['SALESPERSON'] },
        },
        { type: 'UserEmailClaimed', schemaVersion: 1, data: { email: 'ann@example.com', userId: OWNER } },
      ]);
  });

  it('refuses an e-mail address another user holds', () => {
    spec
      .given([])
      .when(register({ emailClaim: { claimedBy: 'someone' } }))
      .thenThrows(ValidationError, { field: 'email' });
  });

  it.each([
    ['roles', { roles: [] }],
    ['roles', { roles: ['KING'] }],
    ['email', { email: 'not-an-address' }],
    ['name', { name: '' }],
  ])('refuses invalid %s', (field, overrides) => {
    spec.given([]).when(register(overrides)).thenThrows(ValidationError, { field });
  });

  it('changes roles, recording the previous ones', () => {
    const registered = spec.given([]).when(register()).events();
    spec
      .given(registered)
      .when({ type: 'ChangeUserRoles', userId: OWNER, roles: ['SALES_MANAGER', 'AUDITOR'] })
      .then([
        {
          type: 'UserRolesChanged',
          schemaVersion: 1,
          data: { userId: OWNER, roles: ['SALES_MANAGER', 'AUDITOR'], previousRoles: ['SALESPERSON'] },
        },
      ]);
  });
});
