import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { accountsByIds, type AccountRow } from '../projections/account/account.queries';
import { contactsByIds, contactsOfAccounts, countContactsOfAccounts, type ContactRow } from '../projections/contact/contact.queries';
import type { Page } from '../projections/pagination';
import type { ReadModels } from '../projections/read-models';
import type { RecordViewName } from '../projections/record-views';
import { usersByIds, type UserRow } from '../projections/user/user.queries';
import { byGroup, inOrder } from './common/batching';
import { createImportLoaders } from './import-loaders';
import { createRelationshipLoaders } from './relationship/relationship.loaders';
import { createSalesLoaders } from './sales-loaders';

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

/** `now` is the request's time: relationship scores are computed as of it. */
export function createLoaders(db: Kysely<ReadModels>, viewerId: string, now: Date = new Date()) {
  return {
    ...createSalesLoaders(db),
    ...createRelationshipLoaders(db, now),
    ...createImportLoaders(db),
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
