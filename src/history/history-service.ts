import type { Kysely } from 'kysely';
import type { RecordedEvent } from '../../events';
import { auditLogPage, countAuditLog, type AuditFilter } from '../../projections/audit/audit.queries';
import type { ReadModels } from '../../projections/read-models';
import type { ChainReport, EventStore } from '../event-store/event-store';
import { kindOf, recordOfStreamId, streamOf, type HistoryRecordType, type RecordKind } from './record-kinds';
import { TimelineCache } from './timeline-cache';
import { advance, startOf, step, type TimelinePoint, type TimelineStep } from './timeline';

/** One event of a record's history: the event, the record it belongs to, and the changes it made. */
export interface HistoryEntry extends TimelineStep {
  readonly recordType: HistoryRecordType;
  readonly recordId: string;
}

export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly hasNextPage: boolean;
}

/** How many events a read asks the store for at a time while folding a long stream. */
const READ_CHUNK = 5000;

/**
 * What auditors read, folded from the events themselves: a record's history with per-field changes, the
 * record as it was at any instant, the audit log across records, and the hash chain's verification.
 * Long streams are folded from snapshots (see TimelineCache).
 */
export class HistoryService {
  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<ReadModels>,
    readonly cache: TimelineCache = new TimelineCache(),
  ) {}

  /**
   * A record's history, newest first: its own events and those of other records that concern it (a contact
   * linked to or unlinked from an account shows in the account's history), after position `afterPosition`.
   */
  history(id: string, first: number, afterPosition: number | null): Promise<HistoryPage> {
    return this.auditLog({ concerning: id }, first, afterPosition);
  }

  /** How many entries a record's history has. */
  count(id: string): Promise<number> {
    return this.countAuditLog({ concerning: id });
  }

  /** The record as it was at `at` (its last event recorded at or before then); null before it existed. */
  async asOf(type: HistoryRecordType, id: string, at: Date): Promise<TimelinePoint | null> {
    const kind = kindOf(type);
    const point = await this.fold(kind, streamOf(kind, id), { until: at });
    return point.version > 0 && kind.exists(point.state) ? point : null;
  }

  /** The records' states at `at`, by id (absent: did not exist then). */
  async manyAsOf(type: HistoryRecordType, ids: readonly string[], at: Date): Promise<Map<string, TimelinePoint>> {
    const points = await Promise.all(ids.map(async (id) => [id, await this.asOf(type, id, at)] as const));
    return new Map(points.filter((entry): entry is readonly [string, TimelinePoint] => entry[1] !== null));
  }

  /** The audit log: events across records, newest first (or oldest first), with the changes each made. */
  async auditLog(
    filter: AuditFilter,
    first: number,
    afterPosition: number | null,
    direction: 'asc' | 'desc' = 'desc',
  ): Promise<HistoryPage> {
    const page = await auditLogPage(this.db, filter, { first, after: afterPosition, direction });
    const entries = await this.entriesAt(page.rows);
    return { entries, hasNextPage: page.hasNextPage };
  }

  countAuditLog(filter: AuditFilter): Promise<number> {
    return countAuditLog(this.db, filter);
  }

  /**
   * The history entries of given events (by stream and version), in the order given: each stream is folded
   * once, up to the newest version asked for.
   */
  async entriesAt(events: readonly { readonly streamId: string; readonly version: number }[]): Promise<HistoryEntry[]> {
    const wanted = new Map<string, Set<number>>();
    for (const { streamId, version } of events) {
      const versions = wanted.get(streamId) ?? new Set<number>();
      versions.add(version);
      wanted.set(streamId, versions);
    }
    const found = new Map<string, HistoryEntry>();
    await Promise.all(
      [...wanted].map(async ([streamId, versions]) => {
        const record = recordOfStreamId(streamId);
        if (!record) return;
        const sorted = [...versions].sort((a, b) => a - b);
        await this.fold(record.kind, streamId, { fromVersion: sorted[0]!, toVersion: sorted[sorted.length - 1]! }, (taken) => {
          if (versions.has(taken.event.streamVersion)) {
            found.set(`${streamId}@${taken.event.streamVersion}`, { ...taken, recordType: record.kind.type, recordId: record.id });
          }
        });
      }),
    );
    return events.flatMap(({ streamId, version }) => found.get(`${streamId}@${version}`) ?? []);
  }

  /** Walks the hash chain over every event. */
  verify(): Promise<ChainReport> {
    return this.store.verify();
  }

  /** Forgets what is cached about a stream (after an erasure). */
  forget(streamId: string): void {
    this.cache.forget(streamId);
  }

  /**
   * Folds a stream from the nearest snapshot up to `toVersion` / `until`, calling `onStep` for every event
   * from `fromVersion` on, and returns the point reached. Snapshots are offered on the way.
   */
  private async fold(
    kind: RecordKind,
    streamId: string,
    range: { readonly fromVersion?: number; readonly toVersion?: number; readonly until?: Date },
    onStep?: (taken: TimelineStep) => void,
  ): Promise<TimelinePoint> {
    const from = range.fromVersion ?? Number.MAX_SAFE_INTEGER;
    const to = range.toVersion ?? Number.MAX_SAFE_INTEGER;
    const until = range.until?.toISOString();
    let point =
      this.cache.nearest(
        streamId,
        (snapshot) => snapshot.version < from && snapshot.version <= to && (until === undefined || snapshot.recordedAt! <= until),
      ) ?? startOf(kind);
    for (;;) {
      const events: RecordedEvent[] = await this.store.readStream(streamId, {
        fromVersion: point.version + 1,
        toVersion: Math.min(to, point.version + READ_CHUNK),
        ...(range.until ? { until: range.until } : {}),
      });
      for (const event of events) {
        if (onStep && event.streamVersion >= from) {
          const taken = step(kind, point, event);
          point = taken.point;
          onStep(taken);
        } else {
          point = advance(kind, point, event);
        }
        this.cache.offer(streamId, point);
      }
      if (events.length < READ_CHUNK || point.version >= to) return point;
    }
  }
}
