import { parseAddressQuery } from '../../src/addresses/address-query';
import { ValidationError } from '../../src/domain/errors';

const refusal = (request: Parameters<typeof parseAddressQuery>[0]) => {
  try {
    parseAddressQuery(request);
  } catch (error) {
    return error;
  }
  throw new Error('the request was accepted');
};

describe('an address suggestions request', () => {
  it('becomes a query: text trimmed, five suggestions, anywhere, in English', () => {
    expect(parseAddressQuery({ query: '  gdan ' })).toEqual({ text: 'gdan', countryCode: null, limit: 5, language: 'en' });
  });

  it('takes a country by code or by name', () => {
    expect(parseAddressQuery({ query: 'gdan', country: 'Polska', first: 20 })).toMatchObject({ countryCode: 'PL', limit: 20 });
  });

  it.each([null, '', '   '])('means anywhere for a country of %j', (country) => {
    expect(parseAddressQuery({ query: 'gdan', country }).countryCode).toBeNull();
  });

  it.each([
    ['query', { query: '' }],
    ['query', { query: '   ' }],
    ['query', { query: 'x'.repeat(101) }],
    ['query', { query: 'line\nbreak' }],
    ['first', { query: 'gdan', first: 0 }],
    ['first', { query: 'gdan', first: 21 }],
    ['first', { query: 'gdan', first: 2.5 }],
    ['country', { query: 'gdan', country: 'Atlantis' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it', (field, request) => {
    expect(refusal(request)).toMatchObject({ constructor: ValidationError, code: 'BAD_USER_INPUT', field });
  });

  it('lists every problem at once', () => {
    expect(refusal({ query: '', first: 99, country: 'Atlantis' })).toMatchObject({
      issues: [
        { field: 'query', message: expect.any(String) as unknown },
        { field: 'first', message: expect.any(String) as unknown },
        { field: 'country', message: expect.any(String) as unknown },
      ],
    });
  });
});
