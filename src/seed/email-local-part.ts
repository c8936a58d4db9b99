import { foldText } from '../../projections/search-text';

/** A name turned into something an e-mail address can hold: ASCII letters and digits only (Łódź → lodz). */
export function foldForEmail(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/gu, '');
}
