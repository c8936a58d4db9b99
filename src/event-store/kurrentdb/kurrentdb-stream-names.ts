import { createHash } from 'node:crypto';
import { excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';

/** Where the idempotency claims live: one stream per (actor, key), never one of the CRM's own streams. */
export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';

const NAMESPACE = /^[A-Za-z0-9_.-]{1,64}$/u;

/**
 * How the CRM's stream ids map to KurrentDB stream names. Without a namespace the mapping is the identity
 * (`account-42` is the stream `account-42`); with one, every name is prefixed `<namespace>:` so that several
 * stores (test runs, tenants) can share one server without seeing each other's events.
 */
export class KurrentDbStreamNames {
  private readonly prefix: string;

  constructor(readonly namespace?: string) {
    if (namespace !== undefined && !NAMESPACE.test(namespace)) {
      throw new Error(`A KurrentDB namespace is 1-64 letters, digits, '_', '.' or '-': "${namespace}"`);
    }
    this.prefix = namespace === undefined ? '' : `${namespace}:`;
  }

  /** The KurrentDB stream for one of our streams. Refuses ids KurrentDB or this adapter reserves. */
  toKurrent(streamId: string): string {
    if (streamId.length === 0 || streamId.startsWith('$') || streamId.startsWith(IDEMPOTENCY_STREAM_PREFIX)) {
      throw new Error(
        `"${streamId}" cannot be a CRM stream: empty, "$" (KurrentDB system) and "${IDEMPOTENCY_STREAM_PREFIX}" names are reserved`,
      );
    }
    return this.prefix + streamId;
  }

  /** Our stream id for a KurrentDB stream, or null for a system stream, an idempotency claim or another namespace's stream. */
  fromKurrent(streamName: string): string | null {
    if (!streamName.startsWith(this.prefix)) return null;
    const streamId = streamName.slice(this.prefix.length);
    if (streamId.length === 0 || streamId.startsWith('$') || streamId.startsWith(IDEMPOTENCY_STREAM_PREFIX)) return null;
    return streamId;
  }

  /** The stream that holds the claim of `key` by `actorId` (hashed: keys are client-chosen text of any length). */
  idempotencyStream(actorId: string, key: string): string {
    const digest = createHash('sha256')
      .update(JSON.stringify([actorId, key]))
      .digest('hex');
    return `${this.prefix}${IDEMPOTENCY_STREAM_PREFIX}${digest}`;
  }

  /**
   * The server-side filter for reading and subscribing to `$all`: our namespace's streams, or, without one, every
   * event whose type does not start with `$` (system events). Claims and foreign streams are dropped client-side.
   */
  allFilter(): Filter {
    return this.namespace === undefined ? excludeSystemEvents() : streamNameFilter({ prefixes: [this.prefix] });
  }
}
