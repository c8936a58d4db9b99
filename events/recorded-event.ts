import type { EventMetadata } from './event';
import type { CrmEvent } from './index';

/** An event as stored: the catalogued payload plus where and when it was recorded, and by whom. */
export type RecordedEvent<E extends CrmEvent = CrmEvent> = E & {
  readonly eventId: string;
  readonly streamId: string;
  /** 1 for a stream's first event, then 2, 3, … without gaps. */
  readonly streamVersion: number;
  /** Order across all streams: commit order. */
  readonly globalPosition: number;
  readonly metadata: EventMetadata;
  /** ISO-8601 instant in UTC. */
  readonly recordedAt: string;
  /** The personal fields that read as erased because their data key was destroyed (absent when none). */
  readonly erasedFields?: readonly string[];
};
