import {
  STREAM_STATE,
  jsonEvent,
  type AppendRecordInput,
  type AppendStreamRequest,
  type AppendStreamState,
  type ConsistencyCheck,
  type EventData,
} from '@kurrent/kurrentdb-client';
import type { CrmEvent, EventMetadata } from '../../../events';
import type { IdGenerator } from '../../shared/ids';
import { WrongExpectedVersionError } from '../errors';
import type { AppendRequest, ExpectedVersion } from '../event-store';
import { chainHash } from '../hash-chain';
import { satisfies } from '../stored-event';
import type { ChainHead } from './kurrentdb-chain-heads';
import { exactStreamState, streamStateFor } from './kurrentdb-expected-version';
import { IDEMPOTENCY_CLAIM_TYPE, type IdempotencyClaimData } from './kurrentdb-idempotency-claim';
import { chainedFieldsOf, eventDataOf } from './kurrentdb-record';
import { canonicalMetadata, type RecordMetadata } from './kurrentdb-record-metadata';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

export interface PlannedEvent {
  readonly eventId: string;
  readonly event: CrmEvent;
  readonly streamVersion: number;
  readonly meta: RecordMetadata;
  readonly data: EventData;
}

/** A stream the append writes events to. */
export interface PlannedWrite {
  readonly streamId: string;
  readonly streamName: string;
  readonly expected: ExpectedVersion;
  /** The head the new events chain from; the append holds the stream at exactly this version, even for 'any'. */
  readonly head: ChainHead;
  readonly state: AppendStreamState;
  readonly events: readonly PlannedEvent[];
}

/** A stream named only as a condition, with an expectation the server must check ('any' conditions need no check). */
export interface PlannedCondition {
  readonly streamId: string;
  readonly streamName: string;
  readonly expected: Exclude<ExpectedVersion, 'any'>;
  readonly state: AppendStreamState;
}

/** The idempotency claim written with the events, in its own stream. */
export interface PlannedClaim {
  readonly streamName: string;
  /** no_stream, or the revision of an expired claim it replaces. */
  readonly state: AppendStreamState;
  readonly claim: IdempotencyClaimData;
  readonly data: EventData;
}

export interface AppendPlan {
  readonly writes: readonly PlannedWrite[];
  readonly conditions: readonly PlannedCondition[];
  readonly claim: PlannedClaim | null;
}

/** What the caller found out before planning: each written stream's head, and the state of the claim stream. */
export interface PlanInputs {
  readonly heads: ReadonlyMap<string, ChainHead>;
  readonly ids: IdGenerator;
  readonly names: KurrentDbStreamNames;
  /** When the events happened (ISO-8601). */
  readonly recordedAt: string;
  readonly claim: {
    readonly streamName: string;
    readonly state: AppendStreamState;
    readonly claimedAt: string;
    readonly headAtClaim: number;
  } | null;
}

/**
 * Gives every new event its id, version, metadata and chain link, and collects the expectations the server
 * must check. A written stream whose head already contradicts its expected version is refused here, before
 * anything is sent (the server would refuse it too; this way the error names the actual version).
 */
export function planAppend(request: AppendRequest, inputs: PlanInputs): AppendPlan {
  const seen = new Set<string>();
  for (const stream of request.streams) {
    if (seen.has(stream.streamId)) throw new Error(`Stream ${stream.streamId} is named twice in one append`);
    seen.add(stream.streamId);
  }
  const metadata: EventMetadata = canonicalMetadata(request.metadata);
  const writes: PlannedWrite[] = [];
  const conditions: PlannedCondition[] = [];
  for (const stream of request.streams) {
    const streamName = inputs.names.toKurrent(stream.streamId);
    const expected = stream.expectedVersion;
    streamStateFor(expected); // refuses a malformed expectation (negative, fractional) even for a condition
    if (stream.events.length === 0) {
      if (expected !== 'any') conditions.push({ streamId: stream.streamId, streamName, expected, state: streamStateFor(expected) });
      continue;
    }
    const head = inputs.heads.get(stream.streamId);
    if (!head) throw new Error(`No chain head was read for ${stream.streamId}`);
    if (!satisfies(expected, head.version)) throw new WrongExpectedVersionError(stream.streamId, expected, head.version);
    let link = head;
    const events: PlannedEvent[] = [];
    for (const event of stream.events) {
      // Lower-case, as KurrentDB hands ids back: the hash covers the id.
      const eventId = inputs.ids.next().toLowerCase();
      const streamVersion = link.version + 1;
      const partial = { metadata, schemaVersion: event.schemaVersion, recordedAt: inputs.recordedAt };
      const dataText = JSON.stringify(event.data);
      const hash = chainHash(
        link.hash,
        chainedFieldsOf({ eventId, streamId: stream.streamId, streamVersion, type: event.type, dataText, meta: partial }),
      );
      const meta: RecordMetadata = { ...partial, prevHash: link.hash, hash };
      events.push({ eventId, event, streamVersion, meta, data: eventDataOf(eventId, event, meta) });
      link = { version: streamVersion, hash };
    }
    writes.push({ streamId: stream.streamId, streamName, expected, head, state: exactStreamState(head.version), events });
  }
  return { writes, conditions, claim: planClaim(request, inputs, writes) };
}

function planClaim(request: AppendRequest, inputs: PlanInputs, writes: readonly PlannedWrite[]): PlannedClaim | null {
  const { idempotency } = request;
  if (!idempotency || !inputs.claim) return null;
  const claim: IdempotencyClaimData = {
    actorId: idempotency.actorId,
    key: idempotency.key,
    requestHash: idempotency.requestHash,
    result: idempotency.result,
    claimedAt: inputs.claim.claimedAt,
    writes: writes.map((write) => ({ streamId: write.streamId, version: write.head.version + write.events.length })),
    headAtClaim: writes.length === 0 ? inputs.claim.headAtClaim : null,
  };
  return {
    streamName: inputs.claim.streamName,
    state: inputs.claim.state,
    claim,
    data: jsonEvent({ id: inputs.ids.next(), type: IDEMPOTENCY_CLAIM_TYPE, data: { ...claim } }),
  };
}

/** How the plan can be written. */
export type AppendRoute =
  /** Nothing to write: the conditions are checked by reading. */
  | { readonly kind: 'check-only' }
  /** One stream's events and no other expectation: `appendToStream`, on any server. */
  | { readonly kind: 'single-stream'; readonly write: PlannedWrite }
  /** Several streams, a condition or a claim: one atomic multi-stream append. */
  | { readonly kind: 'atomic' };

export function routeOf(plan: AppendPlan): AppendRoute {
  const [only, ...others] = plan.writes;
  if (!only) return plan.claim ? { kind: 'atomic' } : { kind: 'check-only' };
  if (others.length === 0 && plan.conditions.length === 0 && !plan.claim) return { kind: 'single-stream', write: only };
  return { kind: 'atomic' };
}

/**
 * The plan as one `appendRecords` call (KurrentDB 26.1+): the events in request order, then the claim; a
 * consistency check per written stream (at the head its chain continues), per condition, and for the claim.
 */
export function appendRecordsArguments(plan: AppendPlan): { records: AppendRecordInput[]; checks: ConsistencyCheck[] } {
  const records: AppendRecordInput[] = plan.writes.flatMap((write) =>
    write.events.map((event) => ({ streamName: write.streamName, record: event.data })),
  );
  const checks: ConsistencyCheck[] = [
    ...plan.writes.map((write) => check(write.streamName, write.state)),
    ...plan.conditions.map((condition) => check(condition.streamName, condition.state)),
  ];
  if (plan.claim) {
    records.push({ streamName: plan.claim.streamName, record: plan.claim.data });
    checks.push(check(plan.claim.streamName, plan.claim.state));
  }
  return { records, checks };
}

/**
 * The plan as one `multiStreamAppend` call (KurrentDB 25.1+), which takes only streams with events: a plan
 * with conditions cannot be written this way.
 */
export function multiStreamAppendRequests(plan: AppendPlan): AppendStreamRequest[] {
  if (plan.conditions.length > 0) throw new Error('multiStreamAppend cannot check a stream it does not write');
  const requests: AppendStreamRequest[] = plan.writes.map((write) => ({
    streamName: write.streamName,
    events: write.events.map((event) => event.data),
    expectedState: write.state,
  }));
  if (plan.claim) requests.push({ streamName: plan.claim.streamName, events: [plan.claim.data], expectedState: plan.claim.state });
  return requests;
}

function check(streamName: string, expectedState: AppendStreamState): ConsistencyCheck {
  return { type: STREAM_STATE, streamName, expectedState };
}
