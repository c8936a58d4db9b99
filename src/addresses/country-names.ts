import { createRequire } from 'node:module';
import type * as I18nCountries from 'i18n-iso-countries';
import { searchKey } from './search-key';

/**
 * The languages country names are understood in (English and Polish first: they win a name two countries share).
 * Names are answered in any of them; other languages fall back to English.
 */
export const COUNTRY_NAME_LANGUAGES = ['en', 'pl', 'de', 'fr', 'es', 'it'] as const;

interface CountryNames {
  readonly library: typeof I18nCountries;
  /** Search key of every code and name → ISO 3166-1 alpha-2. */
  readonly byKey: ReadonlyMap<string, string>;
}

let loaded: CountryNames | undefined;

/**
 * i18n-iso-countries with only the languages above registered, loaded on first use (its main entry registers
 * all 78 languages, which costs about 50 ms at start-up for nothing).
 */
function countryNames(): CountryNames {
  if (loaded) return loaded;
  const load = createRequire(__filename);
  const library = load('i18n-iso-countries/index') as typeof I18nCountries;
  for (const language of COUNTRY_NAME_LANGUAGES) {
    library.registerLocale(load(`i18n-iso-countries/langs/${language}.json`) as I18nCountries.LocaleData);
  }
  const byKey = new Map<string, string>();
  const add = (name: string, alpha2: string) => {
    const key = searchKey(name);
    if (key.length > 0 && !byKey.has(key)) byKey.set(key, alpha2);
  };
  for (const [alpha2, alpha3] of Object.entries(library.getAlpha2Codes())) {
    add(alpha2, alpha2);
    add(alpha3, alpha2);
  }
  // Official names before aliases: "Congo" is the Republic of the Congo, not the Democratic Republic's alias.
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const [alpha2, name] of Object.entries(library.getNames(language, { select: 'official' }))) add(name, alpha2);
  }
  for (const language of COUNTRY_NAME_LANGUAGES) {
    for (const [alpha2, names] of Object.entries(library.getNames(language, { select: 'all' })))
      for (const name of names) add(name, alpha2);
  }
  loaded = { library, byKey };
  return loaded;
}

/**
 * The ISO 3166-1 alpha-2 code a user means: an alpha-2 or alpha-3 code, or a country's name (official or common)
 * in one of `COUNTRY_NAME_LANGUAGES`, accent- and case-insensitively ("pl", "POL", "Poland", "polska" → "PL").
 * Null when no country has that code or name.
 */
export function resolveCountry(text: string): string | null {
  return countryNames().byKey.get(searchKey(text)) ?? null;
}

/** The country's name in `language` (English when that language is not loaded), or null for an unknown code. */
export function countryName(alpha2: string, language: string): string | null {
  const { library } = countryNames();
  const known = (COUNTRY_NAME_LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  return library.getName(alpha2, known, { select: 'official' }) ?? null;
}
