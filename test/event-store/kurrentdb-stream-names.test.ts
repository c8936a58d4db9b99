import { EVENT_TYPE, STREAM_NAME } from '@kurrent/kurrentdb-client';
import { KurrentDbStreamNames } from '../../src/event-store/kurrentdb/kurrentdb-stream-names';

describe('KurrentDB stream names', () => {
  it('maps a stream id to the KurrentDB stream of the same name', () => {
    const names = new KurrentDbStreamNames();
    expect(names.toKurrent('account-42')).toBe('account-42');
    expect(names.fromKurrent('account-42')).toBe('account-42');
  });

  it('prefixes every stream with the namespace, and sees only its own', () => {
    const names = new KurrentDbStreamNames('tenant-a');
    expect(names.toKurrent('account-42')).toBe('tenant-a:account-42');
    expect(names.fromKurrent('tenant-a:account-42')).toBe('account-42');
    expect(names.fromKurrent('tenant-b:account-42')).toBeNull();
    expect(names.fromKurrent('account-42')).toBeNull();
  });

  it.each(['$stats-127.0.0.1:2113', '$$account-42', 'idempotency-abc'])('treats %p as none of ours', (streamName) => {
    expect(new KurrentDbStreamNames().fromKurrent(streamName)).toBeNull();
  });

  it.each(['', '$ce-account', 'idempotency-1'])('refuses %p as a CRM stream id', (streamId) => {
    expect(() => new KurrentDbStreamNames().toKurrent(streamId)).toThrow(/reserved/u);
  });

  it('refuses a namespace that could collide with another or with system streams', () => {
    expect(() => new KurrentDbStreamNames('a:b')).toThrow(/namespace/u);
    expect(() => new KurrentDbStreamNames('$all')).toThrow(/namespace/u);
  });

  it('gives each (actor, key) its own claim stream, which is never one of the CRM streams', () => {
    const names = new KurrentDbStreamNames();
    const claim = names.idempotencyStream('user-1', 'k-1');
    expect(claim).toMatch(/^idempotency-[0-9a-f]{64}$/u);
    expect(names.idempotencyStream('user-1', 'k-1')).toBe(claim);
    expect(names.idempotencyStream('user-2', 'k-1')).not.toBe(claim);
    expect(names.idempotencyStream('user-1|k', '1')).not.toBe(names.idempotencyStream('user-1', 'k|1'));
    expect(names.fromKurrent(claim)).toBeNull();
    expect(new KurrentDbStreamNames('t').idempotencyStream('user-1', 'k-1')).toMatch(/^t:idempotency-/u);
  });

  it('filters $all on the server: system event types without a namespace, the namespace prefix with one', () => {
    expect(new KurrentDbStreamNames().allFilter()).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(new KurrentDbStreamNames('t').allFilter()).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['t:'] });
  });
});
