import { countryName, resolveCountry } from '../../src/addresses/country-names';

describe('country names', () => {
  it.each([
    ['PL', 'PL'],
    ['pl', 'PL'],
    ['POL', 'PL'],
    ['Poland', 'PL'],
    ['Polska', 'PL'],
    ['polska', 'PL'],
    ['Niemcy', 'DE'],
    ['Deutschland', 'DE'],
    ['Czechy', 'CZ'],
    ['United States', 'US'],
    ['Wielka Brytania', 'GB'],
    ['  côte d’ivoire ', 'CI'],
  ])('resolves "%s" to %s, accent- and case-insensitively', (text, code) => {
    expect(resolveCountry(text)).toBe(code);
  });

  it('resolves a name two countries share to the country it officially names', () => {
    expect(resolveCountry('Congo')).toBe('CG');
  });

  it.each(['Atlantis', 'XX', ''])('resolves no country for "%s"', (text) => {
    expect(resolveCountry(text)).toBeNull();
  });

  it.each([
    ['en', 'Poland'],
    ['pl', 'Polska'],
    ['de', 'Polen'],
    ['ja', 'Poland'],
  ])('names a country in %s (English for a language it does not hold)', (language, name) => {
    expect(countryName('PL', language)).toBe(name);
  });
});
