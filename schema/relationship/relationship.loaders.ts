import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import { healthSettingsFrom, type HealthSettings } from '../../projections/relationship/health-score';
import {
  connectionsOfContacts,
  dailyActivityOf,
  relationshipFiguresOf,
  type ConnectionRow,
  type DailyActivityFigures,
  type RelationshipFigures,
} from '../../projections/relationship/relationship.queries';
import type { RelationshipSubjectType } from '../../projections/relationship/relationship.table';
import type { ReadModels } from '../../projections/read-models';
import { byGroup } from '../common/batching';

export interface BreakdownKey {
  readonly subjectType: RelationshipSubjectType;
  readonly subjectId: string;
  readonly days: number;
}

let environmentSettings: HealthSettings | undefined;

/** The health settings of this process (from the environment, read once). */
export function configuredHealthSettings(): HealthSettings {
  environmentSettings ??= healthSettingsFrom(process.env);
  return environmentSettings;
}

/**
 * Per-request batching for relationship analytics, all as of the request's time: a page of accounts or
 * contacts with their `relationship` costs two statements, their breakdowns one more, introductions one.
 */
export function createRelationshipLoaders(db: Kysely<ReadModels>, now: Date, settings: HealthSettings = configuredHealthSettings()) {
  const figures = (subjectType: RelationshipSubjectType) =>
    new DataLoader<string, RelationshipFigures>(async (ids) => {
      const found = await relationshipFiguresOf(db, subjectType, ids, now, settings);
      return ids.map((id) => found.get(id)!);
    });
  return {
    relationshipOfAccount: figures('account'),
    relationshipOfContact: figures('contact'),
    activityBreakdown: new DataLoader<BreakdownKey, DailyActivityFigures[], string>(
      (keys) =>
        byGroup(
          keys,
          (key) => `${key.subjectType}:${key.days}`,
          async (group) => {
            const { subjectType, days } = group[0]!;
            const found = await dailyActivityOf(
              db,
              subjectType,
              group.map((key) => key.subjectId),
              days,
              now,
            );
            return group.map((key) => found.get(key.subjectId) ?? []);
          },
        ),
      { cacheKeyFn: (key) => `${key.subjectType}:${key.subjectId}:${key.days}` },
    ),
    connectionsByContact: new DataLoader<string, ConnectionRow[]>(async (ids) => {
      const found = await connectionsOfContacts(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
