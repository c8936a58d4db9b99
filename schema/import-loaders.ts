import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import {
  countImportRowErrorsOfJobs,
  importJobsByIds,
  importRowErrorsOfJobs,
  type ImportJobRow,
  type ImportRowErrorRow,
} from '../projections/import-job/import-job.queries';
import type { Page } from '../projections/pagination';
import type { ReadModels } from '../projections/read-models';
import { byGroup, inOrder } from './common/batching';

/** The first page of one import job's row errors. */
export interface ImportRowErrorPageKey {
  readonly parentId: string;
  readonly first: number;
}

/** Per-request batching for import jobs: a page of jobs with their first errors costs one statement per list. */
export type ImportLoaders = ReturnType<typeof createImportLoaders>;

export function createImportLoaders(db: Kysely<ReadModels>) {
  return {
    importJobById: new DataLoader<string, ImportJobRow | null>(async (ids) => inOrder(ids, await importJobsByIds(db, ids))),
    importRowErrorsByJob: new DataLoader<ImportRowErrorPageKey, Page<ImportRowErrorRow>, string>(
      (keys) =>
        byGroup(
          keys,
          (key) => String(key.first),
          async (group) => {
            const pages = await importRowErrorsOfJobs(
              db,
              group.map((key) => key.parentId),
              group[0]!.first,
            );
            return group.map((key) => pages.get(key.parentId)!);
          },
        ),
      { cacheKeyFn: (key) => `${key.parentId}:${key.first}` },
    ),
    importRowErrorCountByJob: new DataLoader<string, number>(async (ids) => {
      const counts = await countImportRowErrorsOfJobs(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
