import { foldText } from '../../projections/search-text';

const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * The form place and country names are matched in: folded like every search (lower case, no accents, so
 * "Łódź" is "lodz"), with punctuation as a space ("Bielsko-Biała" is "bielsko biala", "St. Gallen" is "st gallen").
 * Applied to the stored names and to what a user types alike.
 */
export function searchKey(text: string): string {
  return foldText(text).replace(SEPARATORS, ' ').trim();
}
