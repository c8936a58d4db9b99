// Letters that Unicode does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const SPECIAL = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}+/gu;
const SPACES = /\s+/gu;

/**
 * The form names are searched and sorted by: lower-case, without accents (Łódź → lodz, Müller → muller),
 * single-spaced. The same function normalizes the stored text and the search term, so matching is accent-
 * and case-insensitive on every database.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(SPACES, ' ')
    .trim();
}

/** The searchable text of a record: its folded parts, space-separated. */
export function searchText(...parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(foldText)
    .join(' ');
}

/** The words of a search term, folded; each must occur in a matching record. At most 8 are used. */
export function searchTerms(search: string | null | undefined): string[] {
  if (!search) return [];
  return [
    ...new Set(
      foldText(search)
        .split(' ')
        .filter((term) => term.length > 0),
    ),
  ].slice(0, 8);
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards escaped (use with `ESCAPE '\'`). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/gu, (char) => `\\${char}`)}%`;
}
