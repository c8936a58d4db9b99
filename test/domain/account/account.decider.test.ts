import { accountDecider } from '../../../src/domain/account/account.decider';
import { NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import { deciderSpec } from '../../support/decider-spec';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  OTHER_USER,
  OWNER,
  accountCreated,
  activeAccount,
  contactState,
  emptyAccountProfile,
  existingUser,
  inactiveAccount,
  otherUser,
} from '../../support/event-builders';

const spec = deciderSpec(accountDecider);
const create = (input: Record<string, unknown>, references = {}) =>
  ({
    type: 'CreateAccount',
    accountId: ACCOUNT,
    input: input as { name: string },
    ownerId: OWNER,
    owner: existingUser,
    references,
  }) as const;
const update = (input: Record<string, unknown>, references = {}) =>
  ({ type: 'UpdateAccount', accountId: ACCOUNT, input, references }) as const;
const deactivated = { type: 'AccountDeactivated', schemaVersion: 1, data: { accountId: ACCOUNT } } as const;

describe('account decider', () => {
  describe('creating', () => {
    it('needs only a name, and records every other field as empty', () => {
      spec
        .given([])
        .when(create({ name: 'Contoso' }))
        .then([accountCreated()]);
    });

    it('trims the name and keeps Unicode (NFC)', () => {
      const [event] = spec
        .given([])
        .when(create({ name: '  Łódź  Zakłady\u0301 ' }))
        .events();
      expect(event!.data).toMatchObject({ name: 'Łódź  Zakłady\u0301'.normalize('NFC') });
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['blank', '   '],
      ['161 characters', 'x'.repeat(161)],
      ['a line break', 'Contoso\nLtd'],
      ['a control character', 'Con\u0007toso'],
    ])('refuses a name that is %s', (_case, name) => {
      spec.given([]).when(create({ name })).thenThrows(ValidationError, { code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('accepts a name of exactly 160 characters (counted as characters, not UTF-16 units)', () => {
      const name = 'ż'.repeat(159) + '😀';
      expect(spec.given([]).when(create({ name })).events()[0]!.data).toMatchObject({ name });
    });

    it('lists every invalid field at once', () => {
      let error: ValidationError | undefined;
      try {
        accountDecider.decide(
          create({ name: '', email: 'nope', website: 'ftp://x.y', numberOfEmployees: -3, annualRevenue: '1.234' }),
          accountDecider.initialState,
        );
      } catch (caught) {
        error = caught as ValidationError;
      }
      expect(error?.issues.map((issue) => issue.field)).toEqual(['name', 'email', 'website', 'annualRevenue', 'numberOfEmployees']);
    });

    it.each([
      ['email', 'sales@contoso.com', 'sales@contoso.com'],
      ['website', 'www.contoso.com', 'www.contoso.com'],
      ['website', 'https://contoso.com/pl', 'https://contoso.com/pl'],
      ['phone', '+48 (22) 555-01-02 wew. 12', '+48 (22) 555-01-02 wew. 12'],
      ['annualRevenue', '1250000', '1250000.00'],
      ['annualRevenue', '0.5', '0.50'],
      ['numberOfEmployees', 0, 0],
    ])('accepts %s %p', (field, value, stored) => {
      const [event] = spec
        .given([])
        .when(create({ name: 'Contoso', [field]: value }))
        .events();
      expect((event!.data as Record<string, unknown>)[field]).toEqual(stored);
    });

    it.each([
      ['email', 'contoso.com'],
      ['email', 'a@b'],
      ['website', 'javascript:alert(1)'],
      ['website', 'not a site'],
      ['phone', 'call me'],
      ['annualRevenue', '-1.00'],
      ['annualRevenue', '12.345'],
      ['annualRevenue', '1e6'],
      ['numberOfEmployees', 2.5],
      ['address.latitude', 91],
    ])('refuses %s %p', (field, value) => {
      const input: Record<string, unknown> = { name: 'Contoso' };
      if (field.startsWith('address.')) input.address = { [field.split('.')[1]!]: value };
      else input[field] = value;
      spec.given([]).when(create(input)).thenThrows(ValidationError, { field });
    });

    it('refuses an owner that does not exist', () => {
      spec
        .given([])
        .when({ ...create({ name: 'X' }), owner: { exists: false } })
        .thenThrows(NotFoundError, { field: 'ownerId' });
    });

    it('refuses a parent account that does not exist or is inactive', () => {
      spec
        .given([])
        .when(create({ name: 'X', parentAccountId: OTHER_ACCOUNT }, { parentChain: [{ exists: false }] }))
        .thenThrows(NotFoundError, { field: 'parentAccountId' });
      spec
        .given([])
        .when(create({ name: 'X', parentAccountId: OTHER_ACCOUNT }, { parentChain: [inactiveAccount(OTHER_ACCOUNT)] }))
        .thenThrows(RecordInactiveError, { field: 'parentAccountId' });
    });

    it('refuses a primary contact that does not exist', () => {
      spec
        .given([])
        .when(create({ name: 'X', primaryContactId: '01900000-0000-7000-8000-0000000000ff' }, { primaryContact: { exists: false } }))
        .thenThrows(NotFoundError, { field: 'primaryContactId' });
    });
  });

  describe('updating', () => {
    it('records only the fields that change', () => {
      spec
        .given([accountCreated({ phone: '+48 22 555 01 02' })])
        .when(update({ name: 'Contoso Ltd', phone: '+48 22 555 01 02', email: undefined }))
        .then([{ type: 'AccountUpdated', schemaVersion: 1, data: { accountId: ACCOUNT, name: 'Contoso Ltd' } }]);
    });

    it('clears a field set to null', () => {
      spec
        .given([accountCreated({ phone: '+48 22 555 01 02' })])
        .when(update({ phone: null }))
        .then([{ type: 'AccountUpdated', schemaVersion: 1, data: { accountId: ACCOUNT, phone: null } }]);
    });

    it('refuses to clear the name', () => {
      spec
        .given([accountCreated()])
        .when(update({ name: null }))
        .thenThrows(ValidationError, { field: 'name' });
    });

    it('records nothing when nothing changes', () => {
      spec
        .given([accountCreated()])
        .when(update({ name: 'Contoso' }))
        .then([]);
    });

    it('merges an address: parts left out stay, parts set to null are cleared', () => {
      const address = {
        line1: 'ul. Długa 1',
        line2: null,
        line3: null,
        city: 'Gdańsk',
        stateOrProvince: null,
        postalCode: '80-001',
        country: 'Polska',
        latitude: null,
        longitude: null,
      };
      spec
        .given([accountCreated({ address })])
        .when(update({ address: { city: 'Sopot', postalCode: null } }))
        .then([
          {
            type: 'AccountUpdated',
            schemaVersion: 1,
            data: { accountId: ACCOUNT, address: { ...address, city: 'Sopot', postalCode: null } },
          },
        ]);
    });

    it('refuses to change an inactive account', () => {
      spec
        .given([accountCreated(), deactivated])
        .when(update({ name: 'New' }))
        .thenThrows(RecordInactiveError, { code: 'RECORD_INACTIVE' });
    });

    it('refuses to change an account that does not exist', () => {
      spec
        .given([])
        .when(update({ name: 'New' }))
        .thenThrows(NotFoundError, { code: 'NOT_FOUND' });
    });

    it('refuses a parent that would make the hierarchy loop', () => {
      // OTHER_ACCOUNT's parent is ACCOUNT: making OTHER_ACCOUNT the parent of ACCOUNT would loop.
      const child = { ...(activeAccount(OTHER_ACCOUNT) as object), profile: { ...emptyAccountProfile, parentAccountId: ACCOUNT } };
      spec
        .given([accountCreated()])
        .when(update({ parentAccountId: OTHER_ACCOUNT }, { parentChain: [child, activeAccount(ACCOUNT)] }))
        .thenThrows(ValidationError, { field: 'parentAccountId' });
      spec
        .given([accountCreated()])
        .when(update({ parentAccountId: ACCOUNT }, { parentChain: [activeAccount(ACCOUNT)] }))
        .thenThrows(ValidationError, {
          field: 'parentAccountId',
        });
    });

    it('refuses an inactive primary contact', () => {
      spec
        .given([accountCreated()])
        .when(
          update({ primaryContactId: '01900000-0000-7000-8000-0000000000ff' }, { primaryContact: contactState({ status: 'inactive' }) }),
        )
        .thenThrows(RecordInactiveError, { field: 'primaryContactId' });
    });
  });

  describe('deactivating and activating', () => {
    it('deactivates an active account', () => {
      spec.given([accountCreated()]).when({ type: 'DeactivateAccount', accountId: ACCOUNT }).then([deactivated]);
    });

    it('refuses to deactivate an account twice', () => {
      spec.given([accountCreated(), deactivated]).when({ type: 'DeactivateAccount', accountId: ACCOUNT }).thenThrows(RecordInactiveError);
    });

    it('activates an inactive account, and does nothing to an active one', () => {
      spec
        .given([accountCreated(), deactivated])
        .when({ type: 'ActivateAccount', accountId: ACCOUNT })
        .then([{ type: 'AccountActivated', schemaVersion: 1, data: { accountId: ACCOUNT } }]);
      spec.given([accountCreated()]).when({ type: 'ActivateAccount', accountId: ACCOUNT }).then([]);
    });
  });

  describe('assigning an owner', () => {
    it('records the new and the previous owner', () => {
      spec
        .given([accountCreated()])
        .when({ type: 'AssignAccountOwner', accountId: ACCOUNT, ownerId: OTHER_USER, owner: otherUser })
        .then([
          { type: 'AccountOwnerAssigned', schemaVersion: 1, data: { accountId: ACCOUNT, ownerId: OTHER_USER, previousOwnerId: OWNER } },
        ]);
    });

    it('refuses an inactive account and an unknown user', () => {
      spec
        .given([accountCreated(), deactivated])
        .when({ type: 'AssignAccountOwner', accountId: ACCOUNT, ownerId: OTHER_USER, owner: otherUser })
        .thenThrows(RecordInactiveError);
      spec
        .given([accountCreated()])
        .when({ type: 'AssignAccountOwner', accountId: ACCOUNT, ownerId: OTHER_USER, owner: { exists: false } })
        .thenThrows(NotFoundError, { field: 'ownerId' });
    });
  });
});
