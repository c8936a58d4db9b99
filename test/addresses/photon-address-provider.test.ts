import type { AddressQuery } from '../../src/addresses/address-provider';
import { AddressProviderError, AddressProviderTimeoutError } from '../../src/addresses/address-provider.errors';
import { FallbackAddressProvider } from '../../src/addresses/fallback-address-provider';
import { OfflineAddressProvider } from '../../src/addresses/offline/offline-address-provider';
import { PhotonAddressProvider } from '../../src/addresses/photon/photon-address-provider';
import { startLocalJsonServer, type LocalAnswer, type LocalJsonServer } from './local-json-server';

const feature = (properties: Record<string, unknown>, coordinates: [number, number]) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
});

/** A Photon answer of the documented shape (GeoJSON): a house, a town, and a place abroad. */
const PHOTON_ANSWER = {
  type: 'FeatureCollection',
  features: [
    feature(
      {
        osm_key: 'building',
        osm_value: 'house',
        type: 'house',
        housenumber: '5',
        street: 'Długa',
        postcode: '80-827',
        city: 'Gdańsk',
        state: 'Pomeranian Voivodeship',
        country: 'Poland',
        countrycode: 'PL',
      },
      [18.65235, 54.34893],
    ),
    feature(
      {
        osm_key: 'place',
        osm_value: 'city',
        type: 'city',
        name: 'Gdynia',
        state: 'Pomeranian Voivodeship',
        country: 'Poland',
        countrycode: 'PL',
      },
      [18.53188, 54.51889],
    ),
    feature(
      { osm_key: 'place', osm_value: 'town', type: 'city', name: 'Gdańsk Bay Town', country: 'Russia', countrycode: 'RU' },
      [20.0, 54.6],
    ),
  ],
};

const query = (overrides: Partial<AddressQuery> = {}): AddressQuery => ({
  text: 'gd',
  countryCode: null,
  limit: 5,
  language: 'en',
  ...overrides,
});

describe('the Photon address provider, against a local stand-in', () => {
  let server: LocalJsonServer;
  let answer: (url: URL) => LocalAnswer;
  beforeAll(async () => {
    server = await startLocalJsonServer((url) => answer(url));
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    answer = () => ({ body: PHOTON_ANSWER });
  });
  const provider = (timeoutMs = 1000) => new PhotonAddressProvider({ url: server.url, timeoutMs });

  it('asks /api/ with the text, the limit and the language', async () => {
    await provider().suggest(query({ limit: 3, language: 'de' }));
    const request = server.requests.at(-1)!;
    expect(request.pathname).toBe('/api/');
    expect(Object.fromEntries(request.searchParams)).toEqual({ q: 'gd', limit: '3', lang: 'de' });
  });

  it('maps a house to the address parts, street before number, coordinates from [lon, lat]', async () => {
    const [house] = await provider().suggest(query());
    expect(house).toEqual({
      label: 'Długa 5, 80-827 Gdańsk, Pomeranian Voivodeship, Poland',
      address: {
        line1: 'Długa 5',
        line2: null,
        line3: null,
        city: 'Gdańsk',
        stateOrProvince: 'Pomeranian Voivodeship',
        postalCode: '80-827',
        country: 'Poland',
        latitude: 54.34893,
        longitude: 18.65235,
      },
    });
  });

  it('takes the name of a city, town or village as the city', async () => {
    const suggestions = await provider().suggest(query());
    expect(suggestions[1]).toMatchObject({ label: 'Gdynia, Pomeranian Voivodeship, Poland', address: { city: 'Gdynia', line1: null } });
  });

  it('keeps to the country asked for, fetching more to make up for the others', async () => {
    const suggestions = await provider().suggest(query({ countryCode: 'PL', limit: 5 }));
    expect(server.requests.at(-1)!.searchParams.get('limit')).toBe('20');
    expect(suggestions.map((suggestion) => suggestion.address.country)).toEqual(['Poland', 'Poland']);
  });

  it('rejects an answer that is not JSON of its shape', async () => {
    answer = () => ({ status: 500, body: 'overloaded' });
    await expect(provider().suggest(query())).rejects.toThrow(AddressProviderError);
  });

  it('gives up after its time limit', async () => {
    answer = () => ({ body: PHOTON_ANSWER, delayMs: 2000 });
    await expect(provider(100).suggest(query())).rejects.toThrow(AddressProviderTimeoutError);
  });

  it('answers from the offline index when it times out', async () => {
    answer = () => ({ body: PHOTON_ANSWER, delayMs: 2000 });
    const fallback = new FallbackAddressProvider(provider(100), new OfflineAddressProvider());
    const suggestions = await fallback.suggest(query({ text: 'lodz' }));
    expect(suggestions[0]?.label).toBe('Łódź, Łódzkie, Poland');
  });
});
