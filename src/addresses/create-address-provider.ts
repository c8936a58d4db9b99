import type { Logger } from 'pino';
import { assertNever } from '../shared/assert-never';
import type { AddressProvider } from './address-provider';
import type { AddressProviderConfig } from './address-provider.config';
import { AzureMapsAddressProvider } from './azure-maps/azure-maps-address-provider';
import { FallbackAddressProvider } from './fallback-address-provider';
import { OfflineAddressProvider } from './offline/offline-address-provider';
import { PhotonAddressProvider } from './photon/photon-address-provider';

/**
 * The provider the configuration names. An online one answers from the offline index whenever it fails or
 * times out, so suggestions keep working when the service does not.
 */
export function createAddressProvider(config: AddressProviderConfig, logger?: Pick<Logger, 'warn'>): AddressProvider {
  const offline = new OfflineAddressProvider();
  switch (config.kind) {
    case 'offline':
      return offline;
    case 'azure-maps':
      return new FallbackAddressProvider(new AzureMapsAddressProvider(config), offline, logger);
    case 'photon':
      return new FallbackAddressProvider(new PhotonAddressProvider(config), offline, logger);
    default:
      return assertNever(config);
  }
}
