import { decideAssociateContacts } from '../../../src/domain/contact/associate-contacts';
import { ContactAlreadyAssociatedError, NotFoundError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import {
  ACCOUNT,
  CONTACT,
  OTHER_ACCOUNT,
  OTHER_CONTACT,
  activeAccount,
  contactState,
  emptyContactProfile,
  inactiveAccount,
} from '../../support/event-builders';

const free = { contactId: CONTACT, state: contactState(), currentAccount: null };
const taken = {
  contactId: OTHER_CONTACT,
  state: contactState({
    id: OTHER_CONTACT,
    accountId: OTHER_ACCOUNT,
    profile: { ...emptyContactProfile, firstName: 'Zofia', lastName: 'Wójcik' },
  }),
  currentAccount: activeAccount(OTHER_ACCOUNT, 'Fabrikam'),
};

describe('associating several contacts with an account', () => {
  it('links every free contact, one event each', () => {
    const decided = decideAssociateContacts(ACCOUNT, activeAccount(), [free]);
    expect([...decided.entries()]).toEqual([
      [CONTACT, [{ type: 'ContactAssociatedWithAccount', schemaVersion: 1, data: { contactId: CONTACT, accountId: ACCOUNT } }]],
    ]);
  });

  it('links none when one belongs to another account, and names every conflict', () => {
    let error: unknown;
    try {
      decideAssociateContacts(ACCOUNT, activeAccount(), [free, taken]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContactAlreadyAssociatedError);
    expect(error).toMatchObject({
      code: 'CONTACT_ALREADY_ASSOCIATED',
      field: 'contactIds',
      conflicts: [{ contactId: OTHER_CONTACT, contactName: 'Zofia Wójcik', accountId: OTHER_ACCOUNT, accountName: 'Fabrikam' }],
    });
    expect((error as Error).message).toContain('Zofia Wójcik');
    expect((error as Error).message).toContain('Fabrikam');
  });

  it('refuses an inactive account', () => {
    expect(() => decideAssociateContacts(ACCOUNT, inactiveAccount(), [free])).toThrow(RecordInactiveError);
  });

  it('names the position of a contact that does not exist or is inactive', () => {
    expect(() =>
      decideAssociateContacts(ACCOUNT, activeAccount(), [
        free,
        { contactId: OTHER_CONTACT, state: { exists: false }, currentAccount: null },
      ]),
    ).toThrow(NotFoundError);
    try {
      decideAssociateContacts(ACCOUNT, activeAccount(), [
        free,
        { contactId: OTHER_CONTACT, state: { exists: false }, currentAccount: null },
      ]);
    } catch (error) {
      expect(error).toMatchObject({ field: 'contactIds[1]' });
    }
    expect(() => decideAssociateContacts(ACCOUNT, activeAccount(), [{ ...free, state: contactState({ status: 'inactive' }) }])).toThrow(
      RecordInactiveError,
    );
  });

  it('refuses an empty list', () => {
    expect(() => decideAssociateContacts(ACCOUNT, activeAccount(), [])).toThrow(ValidationError);
  });
});
