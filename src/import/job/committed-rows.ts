import { importedRowOf } from '../../../events';
import type { EventStore } from '../../event-store/event-store';

/** How many events a re-run reads at a time while looking for what earlier runs imported. */
const PAGE = 1000;

/**
 * The rows of a job that earlier runs imported, from the log itself: every event after the job was queued
 * whose correlation is the job and whose causation is one of its rows (`<job>:<row>`). One bit per row, so
 * a million-row file costs 125 KB.
 */
export async function committedRows(store: EventStore, jobId: string, after: number, lastRow: number): Promise<(row: number) => boolean> {
  const bits = new Uint8Array((lastRow >> 3) + 1);
  let found = 0;
  for (let position = after; ;) {
    const events = await store.readAll({ after: position, limit: PAGE });
    if (events.length === 0) break;
    for (const event of events) {
      if (event.metadata.correlationId !== jobId) continue;
      const row = importedRowOf(jobId, event.metadata.causationId);
      if (row === null || row > lastRow) continue;
      bits[row >> 3]! |= 1 << (row & 7);
      found += 1;
    }
    position = events[events.length - 1]!.globalPosition;
  }
  return found === 0 ? () => false : (row) => row <= lastRow && (bits[row >> 3]! & (1 << (row & 7))) !== 0;
}
