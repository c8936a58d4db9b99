import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { accountsByIds, type AccountRow } from '../projections/account/account.queries';
import { contactsByIds, contactsOfAccounts, countContactsOfAccounts, type ContactRow } from '../projections/contact/contact.queries';
import type { Page } from '../projections/pagination';
import type { ReadModels } from '../projections/read-models';
import type { RecordViewName } from '../projections/record-views';
import { usersByIds, type UserRow } from '../projections/user/user.queries';

export interface RelatedPageKey {
  readonly parentId: string;
  readonly view: RecordViewName;
  readonly first: number;
}

export interface RelatedCountKey {
  readonly parentId: string;
  readonly view: RecordViewName;
}

/** Per-request batching: every record and related list a response needs costs one statement per kind. */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(db: Kysely<ReadModels>, viewerId: string) {
  return {
    accountById: new DataLoader<string, AccountRow | null>(async (ids) => inOrder(ids, await accountsByIds(db, ids))),
    contactById: new DataLoader<string, ContactRow | null>(async (ids) => inOrder(ids, await contactsByIds(db, ids))),
    userById: new DataLoader<string, UserRow | null>(async (ids) => inOrder(ids, await usersByIds(db, ids))),
    contactsByAccount: new DataLoader<RelatedPageKey, Page<ContactRow>, string>(
      (keys) =>
        byGroup(
          keys,
          (key) => `${key.view}:${key.first}`,
          async (group) => {
            const pages = await contactsOfAccounts(
              db,
              group.map((key) => key.parentId),
              { view: group[0]!.view, first: group[0]!.first, viewerId },
            );
            return group.map((key) => pages.get(key.parentId)!);
          },
        ),
      { cacheKeyFn: (key) => `${key.parentId}:${key.view}:${key.first}` },
    ),
    contactCountByAccount: new DataLoader<RelatedCountKey, number, string>(
      (keys) =>
        byGroup(
          keys,
          (key) => key.view,
          async (group) => {
            const counts = await countContactsOfAccounts(
              db,
              group.map((key) => key.parentId),
              group[0]!.view,
              viewerId,
            );
            return group.map((key) => counts.get(key.parentId) ?? 0);
          },
        ),
      { cacheKeyFn: (key) => `${key.parentId}:${key.view}` },
    ),
  };
}

/** Rows in the order of the requested ids, null where a record does not exist. */
function inOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): (Row | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Splits a batch into groups that one statement can answer (same view and page size), then reassembles it. */
async function byGroup<Key, Value>(
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
