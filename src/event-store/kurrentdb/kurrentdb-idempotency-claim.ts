import type { JsonValue } from '../../../events';

/** The KurrentDB event type of a claim (in the claim's own stream, never one of the CRM's). */
export const IDEMPOTENCY_CLAIM_TYPE = 'IdempotencyKeyClaimed';

/**
 * An idempotency key claimed by an append, written in the same atomic append as its events. Its `$all`
 * position is not known when it is written, so it records where to find it instead.
 */
export interface IdempotencyClaimData {
  readonly actorId: string;
  readonly key: string;
  readonly requestHash: string;
  readonly result: JsonValue;
  /** When the key was claimed (the store's clock), ISO-8601: the retention window starts here. */
  readonly claimedAt: string;
  /** The streams the claiming append wrote and the version each reached: its position is the highest of theirs. */
  readonly writes: readonly { readonly streamId: string; readonly version: number }[];
  /** The store's head when a claiming append wrote no events (pure conditions), else null. */
  readonly headAtClaim: number | null;
}

/** The claim, or null when the value is not one (the caller then treats the key as unclaimed). */
export function decodeIdempotencyClaim(value: unknown): IdempotencyClaimData | null {
  if (!isRecord(value)) return null;
  const { actorId, key, requestHash, result, claimedAt, writes, headAtClaim } = value;
  if (typeof actorId !== 'string' || typeof key !== 'string' || typeof requestHash !== 'string' || typeof claimedAt !== 'string')
    return null;
  if (result === undefined || Number.isNaN(Date.parse(claimedAt))) return null;
  if (headAtClaim !== null && !(typeof headAtClaim === 'number' && Number.isSafeInteger(headAtClaim))) return null;
  if (!Array.isArray(writes)) return null;
  const decodedWrites: { streamId: string; version: number }[] = [];
  for (const write of writes as unknown[]) {
    if (
      !isRecord(write) ||
      typeof write.streamId !== 'string' ||
      typeof write.version !== 'number' ||
      !Number.isSafeInteger(write.version)
    ) {
      return null;
    }
    decodedWrites.push({ streamId: write.streamId, version: write.version });
  }
  return { actorId, key, requestHash, result: result as JsonValue, claimedAt, writes: decodedWrites, headAtClaim };
}

/** Whether the claim is still inside the retention window at `now`. */
export function isClaimRetained(claim: IdempotencyClaimData, now: Date, retentionMs: number): boolean {
  return Date.parse(claim.claimedAt) >= now.getTime() - retentionMs;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
