import { createHash } from 'node:crypto';

/** The hash the first event chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The bytes of one stored event that its hash covers: the header fields and the payloads exactly as stored.
 * An adapter that learns the global position only at commit (KurrentDB) hashes 0 in its place; the stream
 * version still fixes the event's place in its stream.
 */
export interface ChainedFields {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  /** The stored JSON text of the payload (encrypted parts included as stored). */
  readonly dataText: string;
  readonly metadataText: string;
}

/** `sha256(prevHash ‖ header ‖ data ‖ metadata)`, hex. Any edit, insertion or removal breaks the next link. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const header = JSON.stringify([
    event.eventId,
    event.streamId,
    event.streamVersion,
    event.globalPosition,
    event.type,
    event.schemaVersion,
    event.recordedAt,
  ]);
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(header)
    .update('\n')
    .update(event.dataText)
    .update('\n')
    .update(event.metadataText)
    .digest('hex');
}

/** Walks stored events in global order and reports the first one whose hash does not follow. */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: number | null = null;

  /** Returns false once a break was found (later events are not checked: the chain is already broken). */
  check(event: ChainedFields & { readonly hash: string }): boolean {
    if (this.broken !== null) return false;
    this.checked += 1;
    if (chainHash(this.prevHash, event) !== event.hash) {
      this.broken = event.globalPosition;
      return false;
    }
    this.prevHash = event.hash;
    return true;
  }

  report(): { ok: boolean; eventsChecked: number; firstBrokenPosition: number | null } {
    return { ok: this.broken === null, eventsChecked: this.checked, firstBrokenPosition: this.broken };
  }
}
