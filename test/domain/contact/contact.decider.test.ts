import { contactDecider } from '../../../src/domain/contact/contact.decider';
import { ContactAlreadyAssociatedError, NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import { deciderSpec } from '../../support/decider-spec';
import {
  ACCOUNT,
  CONTACT,
  OTHER_ACCOUNT,
  OWNER,
  activeAccount,
  contactCreated,
  existingUser,
  inactiveAccount,
} from '../../support/event-builders';

const spec = deciderSpec(contactDecider);
const create = (input: Record<string, unknown>, account: ReturnType<typeof activeAccount> | null = null) =>
  ({
    type: 'CreateContact',
    contactId: CONTACT,
    input: input as { firstName: string; lastName: string },
    ownerId: OWNER,
    owner: existingUser,
    account: account ? { id: ACCOUNT, state: account } : null,
  }) as const;
const associated = (accountId = ACCOUNT) =>
  ({ type: 'ContactAssociatedWithAccount', schemaVersion: 1, data: { contactId: CONTACT, accountId } }) as const;
const deactivated = { type: 'ContactDeactivated', schemaVersion: 1, data: { contactId: CONTACT } } as const;
const associate = (account = activeAccount(), currentAccount: ReturnType<typeof activeAccount> | null = null) =>
  ({ type: 'AssociateContactWithAccount', contactId: CONTACT, account: { id: ACCOUNT, state: account }, currentAccount }) as const;

describe('contact decider', () => {
  it('needs a first and a last name, and nothing else', () => {
    spec
      .given([])
      .when(create({ firstName: 'Jan', lastName: 'Kowalski' }))
      .then([contactCreated()]);
  });

  it.each([
    ['firstName', { lastName: 'Kowalski' }],
    ['lastName', { firstName: 'Jan' }],
    ['firstName', { firstName: ' ', lastName: 'Kowalski' }],
    ['lastName', { firstName: 'Jan', lastName: 'x'.repeat(51) }],
  ])('refuses a contact without a valid %s', (field, input) => {
    spec.given([]).when(create(input)).thenThrows(ValidationError, { field });
  });

  it('starts in an active account when one is given', () => {
    spec
      .given([])
      .when(create({ firstName: 'Jan', lastName: 'Kowalski' }, activeAccount()))
      .then([contactCreated(), associated()]);
  });

  it('refuses to start in an inactive account: no new record from a deactivated one', () => {
    spec
      .given([])
      .when(create({ firstName: 'Jan', lastName: 'Kowalski' }, inactiveAccount()))
      .thenThrows(RecordInactiveError, { field: 'accountId' });
  });

  it('refuses to start in an account that does not exist', () => {
    spec
      .given([])
      .when(create({ firstName: 'Jan', lastName: 'Kowalski' }, { exists: false }))
      .thenThrows(NotFoundError, { field: 'accountId' });
  });

  it('links to an account when it belongs to none', () => {
    spec.given([contactCreated()]).when(associate()).then([associated()]);
  });

  it('does nothing when linked again to the same account', () => {
    spec.given([contactCreated(), associated()]).when(associate()).then([]);
  });

  it('refuses to link a contact that belongs to another account, naming the contact and the account', () => {
    spec
      .given([contactCreated(), associated(OTHER_ACCOUNT)])
      .when(associate(activeAccount(), activeAccount(OTHER_ACCOUNT, 'Fabrikam')))
      .thenThrows(ContactAlreadyAssociatedError, {
        code: 'CONTACT_ALREADY_ASSOCIATED',
        message: expect.stringContaining('"Jan Kowalski"') as unknown,
        details: expect.objectContaining({ contactId: CONTACT, accountId: OTHER_ACCOUNT, accountName: 'Fabrikam' }) as unknown,
      });
  });

  it('refuses to link to an inactive account', () => {
    spec.given([contactCreated()]).when(associate(inactiveAccount())).thenThrows(RecordInactiveError, { field: 'accountId' });
  });

  it('refuses every change to an inactive contact but activation', () => {
    const given = spec.given([contactCreated(), deactivated]);
    given.when({ type: 'UpdateContact', contactId: CONTACT, input: { jobTitle: 'CEO' } }).thenThrows(RecordInactiveError);
    given.when(associate()).thenThrows(RecordInactiveError);
    given.when({ type: 'DisassociateContactFromAccount', contactId: CONTACT }).thenThrows(RecordInactiveError);
    given.when({ type: 'DeactivateContact', contactId: CONTACT }).thenThrows(RecordInactiveError);
    given.when({ type: 'AssignContactOwner', contactId: CONTACT, ownerId: OWNER, owner: existingUser }).thenThrows(RecordInactiveError);
    given
      .when({ type: 'ActivateContact', contactId: CONTACT })
      .then([{ type: 'ContactActivated', schemaVersion: 1, data: { contactId: CONTACT } }]);
  });

  it('unlinks from its account, naming the account it left', () => {
    spec
      .given([contactCreated(), associated()])
      .when({ type: 'DisassociateContactFromAccount', contactId: CONTACT })
      .then([{ type: 'ContactDisassociatedFromAccount', schemaVersion: 1, data: { contactId: CONTACT, accountId: ACCOUNT } }]);
    spec.given([contactCreated()]).when({ type: 'DisassociateContactFromAccount', contactId: CONTACT }).then([]);
  });

  it('records only the changed fields of an update', () => {
    spec
      .given([contactCreated({ email: 'jan@example.com' })])
      .when({ type: 'UpdateContact', contactId: CONTACT, input: { email: 'jan@example.com', jobTitle: 'CEO', lastName: 'Nowak' } })
      .then([{ type: 'ContactUpdated', schemaVersion: 1, data: { contactId: CONTACT, lastName: 'Nowak', jobTitle: 'CEO' } }]);
  });
});
