import { toPage, type Page } from './pagination';

/**
 * The pages of several parents' related records from one window-function query: `rows` holds, per parent, the
 * first `first + 1` rows in list order (ranked with `row_number() over (partition by <parent> …)`). Parents
 * without rows get an empty page.
 */
export function pagesByParent<Row>(
  parentIds: readonly string[],
  rows: readonly Row[],
  parentOf: (row: Row) => string | null,
  first: number,
): Map<string, Page<Row>> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    if (parent === null) continue;
    const list = grouped.get(parent) ?? [];
    list.push(row);
    grouped.set(parent, list);
  }
  return new Map(parentIds.map((id) => [id, toPage(grouped.get(id) ?? [], first)]));
}

/** Per-parent counts from a `group by <parent>` query; parents without rows count 0. */
export function countsByParent(
  parentIds: readonly string[],
  rows: readonly { readonly parent: string | null; readonly count: number | string | bigint }[],
): Map<string, number> {
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) if (row.parent !== null) counts.set(row.parent, Number(row.count));
  return counts;
}
