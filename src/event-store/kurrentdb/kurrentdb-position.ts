import { START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/**
 * Our `globalPosition`: the event's commit position in `$all`. Every event a server writes outside a legacy
 * explicit transaction (which this adapter never uses) has commit = prepare = its own log position, so the
 * number is unique per event, grows in commit order and has gaps (it counts bytes, not events).
 */
export function globalPositionOf(position: Position | undefined, eventId: string): number {
  if (!position) throw new Error(`KurrentDB returned event ${eventId} without its $all position (the adapter needs a 22.6+ server)`);
  return toSafeNumber(position.commit, `the $all position of event ${eventId}`);
}

/** Where a forward read of `$all` must start to see the events after `after` (the event at `after` comes back too). */
export function readPositionAfter(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`A global position is a non-negative safe integer, not ${after}`);
  if (after === 0) return START;
  const position = BigInt(after);
  return { commit: position, prepare: position };
}

/** A 64-bit value from the server as a JS number; refuses what a double cannot hold exactly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} (${value}) does not fit a JavaScript number (max ${Number.MAX_SAFE_INTEGER})`);
  }
  return Number(value);
}
