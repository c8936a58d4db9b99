/** One content line of a vCard, split into its parts (the value still encoded). */
export interface VCardProperty {
  /** Upper-case name without the group: `TEL`, `EMAIL`, `X-SKYPE`. */
  readonly name: string;
  /** Parameters, names upper-case: `TYPE` → ['WORK', 'VOICE'] (2.1's bare `WORK` is a TYPE too). */
  readonly params: ReadonlyMap<string, readonly string[]>;
  readonly value: string;
}

/** The name and parameters part of a content line (before the first `:` outside quotes); null when there is no `:`. */
export function splitContentLine(line: string): { readonly head: string; readonly value: string } | null {
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return { head: line.slice(0, index), value: line.slice(index + 1) };
  }
  return null;
}

/** Parses `[group.]NAME;PARAM=A,B;BARE` into its name and parameters. */
export function parseHead(head: string): { readonly name: string; readonly params: Map<string, string[]> } {
  const parts = splitOutsideQuotes(head, ';');
  const qualified = parts[0]!.trim();
  const name = qualified.slice(qualified.lastIndexOf('.') + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const part of parts.slice(1)) {
    const equals = part.indexOf('=');
    const key = (equals < 0 ? 'TYPE' : part.slice(0, equals)).trim().toUpperCase();
    const raw = (equals < 0 ? part : part.slice(equals + 1)).trim();
    // TYPE="work,voice" (4.0) lists its values inside one pair of quotes.
    const values = (raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).split(',') : splitOutsideQuotes(raw, ',')).map((value) =>
      value.trim().replace(/^"|"$/gu, ''),
    );
    params.set(key, [...(params.get(key) ?? []), ...values.map((value) => (key === 'TYPE' ? value.toUpperCase() : value))]);
  }
  return { name, params };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits a structured value (`N`, `ADR`, `ORG`) at `;` not escaped by a backslash. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1]!;
      index += 1;
    } else if (char === ';') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Undoes vCard text escaping: `\n` and `\N` are line breaks, `\,` `\;` `\\` the characters. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/gu, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}
