import { foldText } from '../../../projections/search-text';

/**
 * The form headers are compared in: folded (lower-case, no accents: "Imię" → "imie"), without spaces and
 * punctuation ("E-mail Address" → "emailaddress", "Address 1: City" → "address1city").
 */
export function headerKey(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/gu, '');
}
