import type { AddressData } from '../../events';

/** What a client typed, checked (`parseAddressQuery`): what every provider is asked. */
export interface AddressQuery {
  /** The start of an address or a place, trimmed and NFC-normalized, 1 to 100 characters. */
  readonly text: string;
  /** The ISO 3166-1 alpha-2 code (upper case) every suggestion must be in, or null for anywhere. */
  readonly countryCode: string | null;
  /** How many suggestions at most, 1 to 20. */
  readonly limit: number;
  /** ISO 639-1 language for the names answered (country names, and places where the source has them). */
  readonly language: string;
}

/** One suggestion: a line to show, and the address it fills in. */
export interface AddressSuggestionData {
  /** What a user picks from, e.g. "Gdańsk, Pomorskie, Poland". */
  readonly label: string;
  /** Every part within the limits `AddressInput` accepts, so a client can send it on as it is. */
  readonly address: AddressData;
}

/**
 * Turns the start of an address into suggestions, best first, at most `query.limit`. Rejects (never answers
 * something made up) when its source cannot answer; `FallbackAddressProvider` then answers offline.
 */
export interface AddressProvider {
  /** For logs: `offline`, `azure-maps`, `photon`. */
  readonly name: string;
  suggest(query: AddressQuery): Promise<readonly AddressSuggestionData[]>;
}
