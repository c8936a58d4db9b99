import { AddressProviderConfigError, loadAddressProviderConfig } from '../../src/addresses/address-provider.config';

describe('the address provider configuration', () => {
  it('is the offline provider when nothing is set', () => {
    expect(loadAddressProviderConfig({})).toEqual({ kind: 'offline' });
  });

  it('reads Azure Maps with its key, the public URL and a 1500 ms time limit by default', () => {
    expect(loadAddressProviderConfig({ ADDRESS_PROVIDER: 'azure-maps', AZURE_MAPS_KEY: 'k' })).toEqual({
      kind: 'azure-maps',
      key: 'k',
      url: 'https://atlas.microsoft.com',
      timeoutMs: 1500,
    });
  });

  it('reads Photon with its URL and the time limit given', () => {
    expect(
      loadAddressProviderConfig({
        ADDRESS_PROVIDER: 'Photon',
        PHOTON_URL: 'http://photon.internal:2322/',
        ADDRESS_PROVIDER_TIMEOUT_MS: '800',
      }),
    ).toEqual({ kind: 'photon', url: 'http://photon.internal:2322', timeoutMs: 800 });
  });

  it.each([
    ['an unknown provider', { ADDRESS_PROVIDER: 'google' }, /ADDRESS_PROVIDER must be one of offline, azure-maps, photon/u],
    ['Azure Maps without a key', { ADDRESS_PROVIDER: 'azure-maps' }, /AZURE_MAPS_KEY/u],
    ['Photon without a URL', { ADDRESS_PROVIDER: 'photon' }, /PHOTON_URL/u],
    ['a URL that is not http(s)', { ADDRESS_PROVIDER: 'photon', PHOTON_URL: 'ftp://photon' }, /PHOTON_URL must be an http\(s\) URL/u],
    [
      'a time limit that is no whole number of ms',
      { ADDRESS_PROVIDER: 'photon', PHOTON_URL: 'http://p', ADDRESS_PROVIDER_TIMEOUT_MS: '1.5s' },
      /ADDRESS_PROVIDER_TIMEOUT_MS/u,
    ],
  ])('refuses %s', (_case, env, message) => {
    expect(() => loadAddressProviderConfig(env)).toThrow(AddressProviderConfigError);
    expect(() => loadAddressProviderConfig(env)).toThrow(message);
  });
});
