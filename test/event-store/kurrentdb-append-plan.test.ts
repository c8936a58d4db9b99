import { ANY, NO_STREAM, STREAM_STATE } from '@kurrent/kurrentdb-client';
import type { CrmEvent, EventMetadata } from '../../events';
import { WrongExpectedVersionError } from '../../src/event-store/errors';
import type { AppendRequest } from '../../src/event-store/event-store';
import { GENESIS_HASH, chainHash } from '../../src/event-store/hash-chain';
import {
  appendRecordsArguments,
  multiStreamAppendRequests,
  planAppend,
  routeOf,
  type PlanInputs,
} from '../../src/event-store/kurrentdb/kurrentdb-append-plan';
import { EMPTY_STREAM_HEAD, type ChainHead } from '../../src/event-store/kurrentdb/kurrentdb-chain-heads';
import { decodeIdempotencyClaim } from '../../src/event-store/kurrentdb/kurrentdb-idempotency-claim';
import { chainedFieldsOf } from '../../src/event-store/kurrentdb/kurrentdb-record';
import { decodeRecordMetadata } from '../../src/event-store/kurrentdb/kurrentdb-record-metadata';
import { KurrentDbStreamNames } from '../../src/event-store/kurrentdb/kurrentdb-stream-names';

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };
const renamed = (name: string): CrmEvent => ({ type: 'AccountUpdated', schemaVersion: 1, data: { accountId: 'a', name } });
const HEAD_A: ChainHead = { version: 3, hash: 'c'.repeat(64) };

function inputs(heads: Record<string, ChainHead>, claim: PlanInputs['claim'] = null): PlanInputs {
  let n = 0;
  return {
    heads: new Map(Object.entries(heads)),
    ids: { next: () => `0196${String((n += 1)).padStart(4, '0')}-0000-7000-8000-000000000000` },
    names: new KurrentDbStreamNames(),
    recordedAt: '2026-05-01T10:00:00.000Z',
    claim,
  };
}

function request(streams: AppendRequest['streams'], extra: Partial<AppendRequest> = {}): AppendRequest {
  return { streams, metadata, ...extra };
}

describe('KurrentDB append plans', () => {
  it('numbers new events after the head and chains each from the previous one', () => {
    const plan = planAppend(
      request([{ streamId: 'account-a', expectedVersion: 3, events: [renamed('B'), renamed('C')] }]),
      inputs({ 'account-a': HEAD_A }),
    );
    const [write] = plan.writes;
    expect(write).toMatchObject({ streamName: 'account-a', state: 2n, head: HEAD_A });
    const [first, second] = write!.events;
    expect([first!.streamVersion, second!.streamVersion]).toEqual([4, 5]);
    expect(first!.meta.prevHash).toBe(HEAD_A.hash);
    expect(second!.meta.prevHash).toBe(first!.meta.hash);
    const fields = chainedFieldsOf({
      eventId: second!.eventId,
      streamId: 'account-a',
      streamVersion: 5,
      type: 'AccountUpdated',
      dataText: JSON.stringify(renamed('C').data),
      meta: second!.meta,
    });
    expect(chainHash(first!.meta.hash, fields)).toBe(second!.meta.hash);
    expect(decodeRecordMetadata(second!.data.metadata)).toEqual(second!.meta);
  });

  it('starts a new stream from GENESIS and expects it not to exist', () => {
    const plan = planAppend(
      request([{ streamId: 'account-a', expectedVersion: 'no-stream', events: [renamed('A')] }]),
      inputs({ 'account-a': EMPTY_STREAM_HEAD }),
    );
    expect(plan.writes[0]).toMatchObject({ state: NO_STREAM });
    expect(plan.writes[0]!.events[0]!.meta.prevHash).toBe(GENESIS_HASH);
  });

  it('holds a stream expected at "any" at the exact head its chain continues from', () => {
    const plan = planAppend(
      request([{ streamId: 'account-a', expectedVersion: 'any', events: [renamed('B')] }]),
      inputs({ 'account-a': HEAD_A }),
    );
    expect(plan.writes[0]!.state).toBe(2n);
  });

  it('refuses, before sending anything, a write whose head contradicts its expected version', () => {
    const plan = () =>
      planAppend(request([{ streamId: 'account-a', expectedVersion: 2, events: [renamed('B')] }]), inputs({ 'account-a': HEAD_A }));
    expect(plan).toThrow(WrongExpectedVersionError);
    expect(plan).toThrow(expect.objectContaining({ streamId: 'account-a', expected: 2, actual: 3 }) as Error);
  });

  it('refuses a stream named twice', () => {
    const twice = request([
      { streamId: 'account-a', expectedVersion: 3, events: [renamed('B')] },
      { streamId: 'account-a', expectedVersion: 3, events: [] },
    ]);
    expect(() => planAppend(twice, inputs({ 'account-a': HEAD_A }))).toThrow(/named twice/u);
  });

  it('keeps conditions apart, drops "any" conditions, and routes by what must be atomic', () => {
    const single = planAppend(
      request([{ streamId: 'account-a', expectedVersion: 3, events: [renamed('B')] }]),
      inputs({ 'account-a': HEAD_A }),
    );
    expect(routeOf(single).kind).toBe('single-stream');
    const conditional = planAppend(
      request([
        { streamId: 'account-a', expectedVersion: 1, events: [] },
        { streamId: 'account-b', expectedVersion: 'any', events: [] },
        { streamId: 'contact-c', expectedVersion: 'no-stream', events: [renamed('C')] },
      ]),
      inputs({ 'contact-c': EMPTY_STREAM_HEAD }),
    );
    expect(conditional.conditions).toEqual([{ streamId: 'account-a', streamName: 'account-a', expected: 1, state: 0n }]);
    expect(routeOf(conditional).kind).toBe('atomic');
    const onlyConditions = planAppend(request([{ streamId: 'account-a', expectedVersion: 1, events: [] }]), inputs({}));
    expect(routeOf(onlyConditions).kind).toBe('check-only');
  });

  it('writes an idempotency claim with the events, saying where the claiming append ended', () => {
    const plan = planAppend(
      request([{ streamId: 'account-a', expectedVersion: 3, events: [renamed('B'), renamed('C')] }], {
        idempotency: { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: { id: 'a' } },
      }),
      inputs(
        { 'account-a': HEAD_A },
        { streamName: 'idempotency-x', state: NO_STREAM, claimedAt: '2026-05-01T10:00:01.000Z', headAtClaim: 0 },
      ),
    );
    expect(routeOf(plan).kind).toBe('atomic');
    expect(plan.claim).toMatchObject({ streamName: 'idempotency-x', state: NO_STREAM });
    expect(decodeIdempotencyClaim(plan.claim!.data.data)).toEqual({
      actorId: 'user-1',
      key: 'k-1',
      requestHash: 'h1',
      result: { id: 'a' },
      claimedAt: '2026-05-01T10:00:01.000Z',
      writes: [{ streamId: 'account-a', version: 5 }],
      headAtClaim: null,
    });
  });

  it('asks appendRecords for the events in request order, a check per stream, and the claim', () => {
    const plan = planAppend(
      request(
        [
          { streamId: 'account-a', expectedVersion: 1, events: [] },
          { streamId: 'contact-c', expectedVersion: 'no-stream', events: [renamed('C')] },
          { streamId: 'account-b', expectedVersion: 'any', events: [renamed('B')] },
        ],
        { idempotency: { actorId: 'user-1', key: 'k-1', requestHash: 'h1', result: null } },
      ),
      inputs(
        { 'contact-c': EMPTY_STREAM_HEAD, 'account-b': HEAD_A },
        { streamName: 'idempotency-x', state: 4n, claimedAt: '2026-05-01T10:00:01.000Z', headAtClaim: 0 },
      ),
    );
    const { records, checks } = appendRecordsArguments(plan);
    expect(records.map((record) => record.streamName)).toEqual(['contact-c', 'account-b', 'idempotency-x']);
    expect(checks).toEqual([
      { type: STREAM_STATE, streamName: 'contact-c', expectedState: NO_STREAM },
      { type: STREAM_STATE, streamName: 'account-b', expectedState: 2n },
      { type: STREAM_STATE, streamName: 'account-a', expectedState: 0n },
      { type: STREAM_STATE, streamName: 'idempotency-x', expectedState: 4n },
    ]);
    expect(checks.some((check) => check.expectedState === ANY)).toBe(false);
    expect(() => multiStreamAppendRequests(plan)).toThrow(/cannot check a stream it does not write/u);
  });

  it('asks multiStreamAppend for one request per written stream, each at its exact state', () => {
    const plan = planAppend(
      request([
        { streamId: 'account-a', expectedVersion: 3, events: [renamed('B')] },
        { streamId: 'contact-c', expectedVersion: 'no-stream', events: [renamed('C')] },
      ]),
      inputs({ 'account-a': HEAD_A, 'contact-c': EMPTY_STREAM_HEAD }),
    );
    expect(
      multiStreamAppendRequests(plan).map(({ streamName, expectedState, events }) => [streamName, expectedState, events.length]),
    ).toEqual([
      ['account-a', 2n, 1],
      ['contact-c', NO_STREAM, 1],
    ]);
  });
});
