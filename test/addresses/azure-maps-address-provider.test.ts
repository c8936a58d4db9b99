import type { AddressQuery } from '../../src/addresses/address-provider';
import { AddressProviderError, AddressProviderTimeoutError } from '../../src/addresses/address-provider.errors';
import { AzureMapsAddressProvider } from '../../src/addresses/azure-maps/azure-maps-address-provider';
import { FallbackAddressProvider } from '../../src/addresses/fallback-address-provider';
import { OfflineAddressProvider } from '../../src/addresses/offline/offline-address-provider';
import { startLocalJsonServer, type LocalAnswer, type LocalJsonServer } from './local-json-server';

/** A Search Fuzzy answer of the documented shape: a street address and a point of interest. */
const FUZZY_ANSWER = {
  summary: { query: 'dluga 5 gda', queryType: 'NON_NEAR', numResults: 2 },
  results: [
    {
      type: 'Point Address',
      address: {
        streetNumber: '5',
        streetName: 'Długa',
        municipality: 'Gdańsk',
        countrySubdivision: 'Pomorskie',
        countrySubdivisionName: 'Województwo pomorskie',
        postalCode: '80-827',
        countryCode: 'PL',
        country: 'Poland',
        freeformAddress: 'Długa 5, 80-827 Gdańsk',
      },
      position: { lat: 54.34893, lon: 18.65235 },
    },
    {
      type: 'POI',
      poi: { name: 'Dwór Artusa' },
      address: {
        streetNumber: '43-44',
        streetName: 'Długi Targ',
        municipality: 'Gdańsk',
        countrySubdivision: 'Pomorskie',
        postalCode: '80-831',
        countryCode: 'PL',
        country: 'Poland',
        freeformAddress: 'Długi Targ 43-44, 80-831 Gdańsk',
      },
      position: { lat: 54.34856, lon: 18.65361 },
    },
  ],
};

const query = (overrides: Partial<AddressQuery> = {}): AddressQuery => ({
  text: 'dluga 5 gda',
  countryCode: null,
  limit: 5,
  language: 'en',
  ...overrides,
});

describe('the Azure Maps address provider, against a local stand-in', () => {
  let server: LocalJsonServer;
  let answer: (url: URL) => LocalAnswer;
  beforeAll(async () => {
    server = await startLocalJsonServer((url) => answer(url));
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    answer = () => ({ body: FUZZY_ANSWER });
  });
  const provider = (timeoutMs = 1000) => new AzureMapsAddressProvider({ url: server.url, key: 'test-key', timeoutMs });

  it('asks Search Fuzzy in typeahead mode with the key, the limit, the country and the language', async () => {
    await provider().suggest(query({ countryCode: 'PL', limit: 3, language: 'pl' }));
    const request = server.requests.at(-1)!;
    expect(request.pathname).toBe('/search/fuzzy/json');
    expect(Object.fromEntries(request.searchParams)).toEqual({
      'api-version': '1.0',
      query: 'dluga 5 gda',
      typeahead: 'true',
      limit: '3',
      countrySet: 'PL',
      language: 'pl-PL',
      'subscription-key': 'test-key',
    });
  });

  it('leaves out countrySet when no country is asked for', async () => {
    await provider().suggest(query());
    expect(server.requests.at(-1)!.searchParams.has('countrySet')).toBe(false);
  });

  it('maps a street address to the address parts, street before number', async () => {
    const [first] = await provider().suggest(query());
    expect(first).toEqual({
      label: 'Długa 5, 80-827 Gdańsk, Poland',
      address: {
        line1: 'Długa 5',
        line2: null,
        line3: null,
        city: 'Gdańsk',
        stateOrProvince: 'Województwo pomorskie',
        postalCode: '80-827',
        country: 'Poland',
        latitude: 54.34893,
        longitude: 18.65235,
      },
    });
  });

  it('leads the label of a point of interest with its name', async () => {
    const suggestions = await provider().suggest(query());
    expect(suggestions[1]?.label).toBe('Dwór Artusa, Długi Targ 43-44, 80-831 Gdańsk, Poland');
  });

  it('skips results without a position and answers at most the limit', async () => {
    answer = () => ({ body: { results: [{ address: { municipality: 'Nowhere' } }, ...FUZZY_ANSWER.results] } });
    const suggestions = await provider().suggest(query({ limit: 1 }));
    expect(suggestions.map((suggestion) => suggestion.address.line1)).toEqual(['Długa 5']);
  });

  it('rejects an HTTP error without quoting the URL (it holds the key)', async () => {
    answer = () => ({ status: 401, body: { error: { code: '401' } } });
    const refusal = provider().suggest(query());
    await expect(refusal).rejects.toThrow(AddressProviderError);
    await expect(refusal).rejects.not.toThrow(/test-key/u);
  });

  it('gives up after its time limit', async () => {
    answer = () => ({ body: FUZZY_ANSWER, delayMs: 2000 });
    await expect(provider(100).suggest(query())).rejects.toThrow(AddressProviderTimeoutError);
  });

  it('answers from the offline index when it times out', async () => {
    answer = () => ({ body: FUZZY_ANSWER, delayMs: 2000 });
    const fallback = new FallbackAddressProvider(provider(100), new OfflineAddressProvider());
    const suggestions = await fallback.suggest(query({ text: 'gdan', countryCode: 'PL' }));
    expect(suggestions[0]?.label).toBe('Gdańsk, Pomorskie, Poland');
  });
});
