import type { EventMetadata } from '../../events';
import { GENESIS_HASH, chainHash } from '../../src/event-store/hash-chain';
import { KurrentDbChainVerifier } from '../../src/event-store/kurrentdb/kurrentdb-chain-verifier';
import { chainedFieldsOf, type StoredRecord } from '../../src/event-store/kurrentdb/kurrentdb-record';

const metadata: EventMetadata = { actorId: 'user-1', commandId: 'cmd-1', correlationId: 'corr-1', causationId: null, source: 'api' };

/** Builds records chained the way the adapter writes them: per stream, from GENESIS. */
function history() {
  const heads = new Map<string, string>();
  let position = 1_000;
  return (streamId: string, streamVersion: number, data: object = { n: streamVersion }): StoredRecord => {
    const prevHash = heads.get(streamId) ?? GENESIS_HASH;
    const dataText = JSON.stringify(data);
    const partial = { metadata, schemaVersion: 1, recordedAt: '2026-05-01T10:00:00.000Z' };
    const eventId = `e-${streamId}-${streamVersion}`;
    const hash = chainHash(
      prevHash,
      chainedFieldsOf({ eventId, streamId, streamVersion, type: 'AccountUpdated', dataText, meta: partial }),
    );
    heads.set(streamId, hash);
    position += 173;
    return {
      streamId,
      streamVersion,
      globalPosition: position,
      eventId,
      type: 'AccountUpdated',
      dataText,
      data: data as Record<string, unknown>,
      meta: { ...partial, prevHash, hash },
    };
  };
}

function verify(records: readonly StoredRecord[], visible: Readonly<Record<string, number | null>> = {}) {
  const verifier = new KurrentDbChainVerifier();
  for (const record of records) verifier.check(record);
  for (const stream of verifier.seenStreams())
    verifier.checkVisible(stream.streamId, stream.streamId in visible ? (visible[stream.streamId] ?? null) : stream.firstVersion);
  return verifier.report();
}

describe('KurrentDB hash chains: one chain per stream', () => {
  it('accepts interleaved streams, each chained from its own previous event', () => {
    const event = history();
    const records = [event('account-a', 1), event('account-b', 1), event('account-a', 2), event('account-b', 2)];
    expect(verify(records)).toEqual({ ok: true, eventsChecked: 4, firstBrokenPosition: null });
  });

  it('finds an edited payload at its position', () => {
    const event = history();
    const records = [event('account-a', 1), event('account-b', 1), event('account-a', 2)];
    const edited = { ...records[1]!, dataText: '{"n":99}' };
    expect(verify([records[0]!, edited, records[2]!])).toMatchObject({ ok: false, firstBrokenPosition: edited.globalPosition });
  });

  it('finds edited metadata', () => {
    const event = history();
    const first = event('account-a', 1);
    const forged = { ...first, meta: { ...first.meta!, metadata: { ...metadata, actorId: 'mallory' } } };
    expect(verify([forged])).toMatchObject({ ok: false, firstBrokenPosition: forged.globalPosition });
  });

  it('finds an event whose predecessors were scavenged away: its stream no longer starts at version 1', () => {
    const event = history();
    const records = [event('account-a', 1), event('account-a', 2), event('account-b', 1)];
    expect(verify([records[1]!, records[2]!])).toMatchObject({ ok: false, firstBrokenPosition: records[1]!.globalPosition });
  });

  it('finds a removed event at its own position while $all still holds it (truncated or deleted stream)', () => {
    const event = history();
    const records = [event('account-a', 1), event('account-b', 1), event('account-c', 1)];
    expect(verify(records, { 'account-b': null })).toMatchObject({ ok: false, firstBrokenPosition: records[1]!.globalPosition });
    expect(verify([...records, event('account-b', 2)], { 'account-b': 2 })).toMatchObject({
      firstBrokenPosition: records[1]!.globalPosition,
    });
  });

  it('finds an event without the store metadata in one of its streams, and ignores one in a stream it never wrote', () => {
    const event = history();
    const first = event('account-a', 1);
    const intruder: StoredRecord = { ...event('account-a', 2), meta: null };
    const foreign: StoredRecord = { ...event('orders-1', 1), meta: null };
    expect(verify([foreign, first])).toEqual({ ok: true, eventsChecked: 1, firstBrokenPosition: null });
    expect(verify([foreign, first, intruder])).toMatchObject({ ok: false, firstBrokenPosition: intruder.globalPosition });
  });

  it('reports the lowest broken position when several streams break', () => {
    const event = history();
    const records = [event('account-a', 1), event('account-b', 1), event('account-a', 2)];
    const late = { ...records[2]!, dataText: '{}' };
    expect(verify([records[0]!, records[1]!, late], { 'account-b': null })).toMatchObject({
      firstBrokenPosition: records[1]!.globalPosition,
    });
  });

  it('finds a link to another predecessor even when the hash itself was recomputed', () => {
    const event = history();
    const first = event('account-a', 1);
    const second = event('account-a', 2);
    const relinked = { ...second, meta: { ...second.meta!, prevHash: GENESIS_HASH } };
    expect(verify([first, relinked])).toMatchObject({ ok: false, firstBrokenPosition: second.globalPosition });
  });
});
