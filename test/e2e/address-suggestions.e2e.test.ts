import { PhotonAddressProvider } from '../../src/addresses/photon/photon-address-provider';
import { FallbackAddressProvider } from '../../src/addresses/fallback-address-provider';
import { OfflineAddressProvider } from '../../src/addresses/offline/offline-address-provider';
import type {
  AddressSuggestionsQuery,
  AddressSuggestionsQueryVariables,
  CreateAccountMutation,
  CreateAccountMutationVariables,
  OrganizationSettingsQuery,
  UpdateOrganizationSettingsMutation,
  UpdateOrganizationSettingsMutationVariables,
} from '../generated/operations';
import { startLocalJsonServer, type LocalJsonServer } from '../addresses/local-json-server';
import { startTestServer, type GraphQLTestClient, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';

const suggestions = async (client: GraphQLTestClient, variables: AddressSuggestionsQueryVariables) =>
  (await client.data<AddressSuggestionsQuery, AddressSuggestionsQueryVariables>('AddressSuggestions', variables)).addressSuggestions;
const setEnabled = (client: GraphQLTestClient, addressSuggestionsEnabled: boolean) =>
  client.request<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>('UpdateOrganizationSettings', {
    input: { addressSuggestionsEnabled },
  });

describe.each(TEST_DATABASES)('address suggestions over GraphQL on $name', (database) => {
  let server: TestServer;
  let manager: GraphQLTestClient;
  beforeAll(async () => {
    server = await startTestServer(database);
    manager = (await server.newUser('manager@example.com')).client;
    // The user signs in through the read models, which catch-up projections fill a moment later.
    await server.crm.settle();
  });
  afterAll(async () => {
    await server.dispose();
  });

  describe('while an administrator has not turned them on', () => {
    it('answers FEATURE_DISABLED', async () => {
      const error = await manager.error<AddressSuggestionsQueryVariables>('AddressSuggestions', { query: 'gdan' });
      expect(error.extensions).toMatchObject({ code: 'FEATURE_DISABLED', setting: 'addressSuggestionsEnabled' });
    });

    it('shows the setting off to every user', async () => {
      expect((await manager.data<OrganizationSettingsQuery>('OrganizationSettings')).organizationSettings).toEqual({
        addressSuggestionsEnabled: false,
      });
    });

    it('refuses a sales manager who turns them on with FORBIDDEN naming the privilege, and changes nothing', async () => {
      const response = await setEnabled(manager, true);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', privilege: 'settings' });
      expect((await manager.data<OrganizationSettingsQuery>('OrganizationSettings')).organizationSettings.addressSuggestionsEnabled).toBe(
        false,
      );
    });
  });

  describe('once an administrator has turned them on', () => {
    beforeAll(async () => {
      const response = await setEnabled(server.admin, true);
      expect(response.data?.updateOrganizationSettings).toEqual({ addressSuggestionsEnabled: true });
    });

    it('suggests Gdańsk, Poland first for "gdan"', async () => {
      const [first] = await suggestions(manager, { query: 'gdan' });
      expect(first).toMatchObject({ label: 'Gdańsk, Pomorskie, Poland', address: { city: 'Gdańsk', country: 'Poland' } });
    });

    it('finds Łódź for "lodz"', async () => {
      expect((await suggestions(manager, { query: 'lodz' }))[0]?.address.city).toBe('Łódź');
    });

    it.each(['DE', 'Niemcy', 'Germany'])('keeps to the country given as %s', async (country) => {
      const found = await suggestions(manager, { query: 'war', country, first: 10 });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((suggestion) => suggestion.address.country === 'Germany')).toBe(true);
    });

    it('answers five suggestions unless asked for more', async () => {
      expect(await suggestions(manager, { query: 'san' })).toHaveLength(5);
      expect(await suggestions(manager, { query: 'san', first: 20 })).toHaveLength(20);
    });

    it.each<[string, AddressSuggestionsQueryVariables]>([
      ['query', { query: '' }],
      ['query', { query: 'x'.repeat(101) }],
      ['first', { query: 'gdan', first: 0 }],
      ['first', { query: 'gdan', first: 21 }],
      ['country', { query: 'gdan', country: 'Atlantis' }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, variables) => {
      const error = await manager.error<AddressSuggestionsQueryVariables>('AddressSuggestions', variables);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('fills an AddressInput with a suggestion as it is', async () => {
      const [gdansk] = await suggestions(manager, { query: 'gdańsk', country: 'PL', first: 1 });
      const created = await manager.data<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', {
        input: { name: 'Stocznia Gdańska', address: gdansk!.address },
      });
      expect(created.createAccount.account.address).toMatchObject({ ...gdansk!.address, composite: 'Gdańsk, Pomorskie\nPoland' });
    });

    it('answers FEATURE_DISABLED again once an administrator turns them off', async () => {
      await setEnabled(server.admin, false);
      const error = await manager.error<AddressSuggestionsQueryVariables>('AddressSuggestions', { query: 'gdan' });
      await setEnabled(server.admin, true);
      expect(error.extensions.code).toBe('FEATURE_DISABLED');
    });
  });
});

describe.each(TEST_DATABASES)('an online address provider that does not answer in time, on $name', (database) => {
  let photon: LocalJsonServer;
  let server: TestServer;
  beforeAll(async () => {
    photon = await startLocalJsonServer(() => ({ body: { type: 'FeatureCollection', features: [] }, delayMs: 5000 }));
    const provider = new FallbackAddressProvider(
      new PhotonAddressProvider({ url: photon.url, timeoutMs: 150 }),
      new OfflineAddressProvider(),
    );
    server = await startTestServer(database, { addressProvider: provider });
    await setEnabled(server.admin, true);
  });
  afterAll(async () => {
    await server.dispose();
    await photon.close();
  });

  it('is asked first, then the suggestions come from the offline index', async () => {
    const found = await suggestions(server.admin, { query: 'gdan' });
    expect(photon.requests.length).toBeGreaterThan(0);
    expect(found[0]?.label).toBe('Gdańsk, Pomorskie, Poland');
  });
});
