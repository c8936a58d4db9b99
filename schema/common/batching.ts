/** Rows in the order of the requested ids, null where a record does not exist (what a DataLoader batch returns). */
export function inOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): (Row | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Splits a batch into groups that one statement can answer (same filter and page size), then reassembles it. */
export async function byGroup<Key, Value>(
  keys: readonly Key[],
  groupOf: (key: Key) => string,
  load: (group: Key[]) => Promise<Value[]>,
): Promise<Value[]> {
  const groups = new Map<string, { keys: Key[]; indexes: number[] }>();
  keys.forEach((key, index) => {
    const name = groupOf(key);
    const group = groups.get(name) ?? { keys: [], indexes: [] };
    group.keys.push(key);
    group.indexes.push(index);
    groups.set(name, group);
  });
  const results = new Array<Value>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const values = await load(group.keys);
      group.indexes.forEach((index, i) => (results[index] = values[i]!));
    }),
  );
  return results;
}
