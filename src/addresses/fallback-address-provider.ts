import type { Logger } from 'pino';
import type { AddressProvider, AddressQuery, AddressSuggestionData } from './address-provider';

/**
 * Asks `primary` (an online provider) and, when it fails or times out, answers from `fallback` (the offline
 * index) instead of failing the request: a user typing an address still gets places. Each fallback is logged.
 */
export class FallbackAddressProvider implements AddressProvider {
  readonly name: string;

  constructor(
    private readonly primary: AddressProvider,
    private readonly fallback: AddressProvider,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    this.name = `${primary.name} (${fallback.name} when it cannot answer)`;
  }

  async suggest(query: AddressQuery): Promise<readonly AddressSuggestionData[]> {
    try {
      return await this.primary.suggest(query);
    } catch (error) {
      this.logger?.warn({ err: error, provider: this.primary.name }, `address suggestions answered by ${this.fallback.name} instead`);
      return this.fallback.suggest(query);
    }
  }
}
