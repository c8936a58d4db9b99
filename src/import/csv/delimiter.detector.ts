/** The delimiters a CSV file may use, in the order they win a tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How many records of the file's start are looked at. */
const SAMPLE_RECORDS = 20;

/**
 * The delimiter of a CSV file, from its first records (`head`, which may end mid-record): for each candidate the
 * text is split as a CSV parser would (quotes open a cell only at its start; a quoted cell may span lines), and
 * the candidate that occurs in the header and the same number of times in most records wins, then the one that
 * occurs most. A file where none occurs has one column: the comma is as good as any.
 */
export function detectDelimiter(head: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistency: number; columns: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = delimiterCounts(head, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistency = counts.filter((count) => count === header).length / counts.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && header > best.columns))
      best = { delimiter, consistency, columns: header };
  }
  return best?.delimiter ?? ',';
}

/** How often `delimiter` separates cells in each complete record of `text` (at most SAMPLE_RECORDS records). */
function delimiterCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  let cellStart = true;
  for (let index = 0; index < text.length && counts.length < SAMPLE_RECORDS; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') index += 1;
        else quoted = false;
      }
      continue;
    }
    if (char === '"' && cellStart) {
      quoted = true;
      cellStart = false;
    } else if (char === delimiter) {
      count += 1;
      cellStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      counts.push(count);
      count = 0;
      cellStart = true;
    } else {
      cellStart = false;
    }
  }
  // A sample without a line end is one (complete) record; otherwise the cut-off last one is left out.
  if (counts.length === 0) counts.push(count);
  return counts;
}
