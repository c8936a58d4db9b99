import type { AddressProvider, AddressQuery, AddressSuggestionData } from '../../src/addresses/address-provider';
import { AddressProviderError } from '../../src/addresses/address-provider.errors';
import { FallbackAddressProvider } from '../../src/addresses/fallback-address-provider';

const query: AddressQuery = { text: 'gdan', countryCode: null, limit: 5, language: 'en' };
const suggestion = (label: string): AddressSuggestionData => ({
  label,
  address: {
    line1: null,
    line2: null,
    line3: null,
    city: label,
    stateOrProvince: null,
    postalCode: null,
    country: null,
    latitude: null,
    longitude: null,
  },
});
const answering = (name: string, labels: string[]): AddressProvider => ({
  name,
  suggest: () => Promise.resolve(labels.map(suggestion)),
});
const failing: AddressProvider = { name: 'online', suggest: () => Promise.reject(new AddressProviderError('online', 'answered HTTP 503')) };

describe('the fallback address provider', () => {
  it('answers with the primary provider while it answers, even with nothing', async () => {
    const provider = new FallbackAddressProvider(answering('online', []), answering('offline', ['Gdańsk']));
    expect(await provider.suggest(query)).toEqual([]);
  });

  it('answers with the fallback when the primary fails, and logs why', async () => {
    const warnings: unknown[] = [];
    const provider = new FallbackAddressProvider(failing, answering('offline', ['Gdańsk']), {
      warn: (...args: unknown[]) => warnings.push(args),
    });
    expect(await provider.suggest(query)).toEqual([suggestion('Gdańsk')]);
    expect(warnings).toHaveLength(1);
  });
});
