import { ContactAlreadyAssociatedError, RecordInactiveError, ValidationError } from '../../../src/domain/errors';
import { problemsOf, withoutValue } from '../../../src/import/job/row-problems';

const columns: Record<string, string> = { email: 'E-mail Address', 'address.city': 'Miasto', accountId: 'Company' };
const columnOf = (field: string) => columns[field] ?? null;

describe('row problems from command refusals', () => {
  it('names the column and the field of each validation problem, without the value the message quoted', () => {
    const error = new ValidationError([
      { field: 'email', message: '"anna@@example" is not a valid e-mail address' },
      { field: 'address.city', message: 'must be at most 80 characters (got 95)' },
    ]);
    expect(problemsOf(error, columnOf, ['anna@@example'])).toEqual([
      { column: 'E-mail Address', field: 'email', message: 'email: is not a valid e-mail address' },
      { column: 'Miasto', field: 'address.city', message: 'address.city: must be at most 80 characters (got 95)' },
    ]);
  });

  it('replaces a message that still holds one of the row’s values', () => {
    expect(withoutValue('value Kowalski is odd', ['Kowalski'])).toBe('has a value that is not valid');
  });

  it('never repeats the name of a contact another account holds', () => {
    const error = new ContactAlreadyAssociatedError(
      [{ contactId: 'c-1', contactName: 'Anna Nowak', accountId: 'a-1', accountName: 'Sad' }],
      'accountId',
    );
    const [problem] = problemsOf(error, columnOf, []);
    expect(problem).toEqual({ column: 'Company', field: 'accountId', message: 'accountId: the contact belongs to another account' });
  });

  it('says a record is inactive in words of its own', () => {
    const [problem] = problemsOf(new RecordInactiveError('account', 'a-1', undefined, 'accountId'), columnOf, []);
    expect(problem!.message).toBe('accountId: the account is inactive: activate it in the CRM first');
  });
});
