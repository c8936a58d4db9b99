import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { containsPattern, searchTerms } from './search-text';

/** One condition per search word: the folded `column` must contain it (accent- and case-insensitive). */
export function searchConditions(search: string | null | undefined, column: string): RawBuilder<SqlBool>[] {
  return searchTerms(search).map((term) => sql<SqlBool>`${sql.ref(column)} like ${containsPattern(term)} escape '\\'`);
}
