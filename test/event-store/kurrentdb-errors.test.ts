import {
  AppendConsistencyViolationError,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  UnknownError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  MultiStreamAppendUnsupportedError,
  conflictsOf,
  isMissingStream,
  isUnsupported,
} from '../../src/event-store/kurrentdb/kurrentdb-errors';

type ServiceError = ConstructorParameters<typeof AppendConsistencyViolationError>[0];
const grpcError = { message: '9 FAILED_PRECONDITION: consistency violation', code: 9 } as unknown as ServiceError;

describe('KurrentDB errors', () => {
  it('reads a single-stream refusal as the stream and its actual version', () => {
    const refusal = new WrongExpectedVersionError(undefined, { streamName: 'account-a', expected: NO_STREAM, current: 0n });
    expect(conflictsOf(refusal)).toEqual([{ streamName: 'account-a', actual: 1 }]);
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'account-b', expected: 4n, current: NO_STREAM });
    expect(conflictsOf(missing)).toEqual([{ streamName: 'account-b', actual: 0 }]);
  });

  it('reads every failed consistency check of appendRecords, in check order', () => {
    const violation = new AppendConsistencyViolationError(grpcError, {
      violationsList: [
        { checkIndex: 2, streamState: { stream: 'contact-c', expectedState: '-1', actualState: '0' } },
        { checkIndex: 0, streamState: { stream: 'account-a', expectedState: '0', actualState: '3' } },
        { checkIndex: 1, streamState: { stream: 'account-b', expectedState: '1', actualState: '-5' } },
      ],
    });
    expect(conflictsOf(violation)).toEqual([
      { streamName: 'account-a', actual: 4 },
      { streamName: 'account-b', actual: 0 },
      { streamName: 'contact-c', actual: 1 },
    ]);
  });

  it('reads nothing else as a version conflict', () => {
    expect(conflictsOf(new UnknownError())).toBeNull();
    expect(conflictsOf(new Error('network'))).toBeNull();
  });

  it('knows a stream that cannot be read because it does not exist or was deleted', () => {
    expect(isMissingStream(new StreamNotFoundError(undefined, 'account-a'))).toBe(true);
    expect(isMissingStream(StreamDeletedError.fromStreamName('account-a'))).toBe(true);
    expect(isMissingStream(new UnknownError())).toBe(false);
  });

  it('knows the client refusing an API the server lacks', () => {
    expect(isUnsupported(new UnsupportedError('appendRecords', '26.1'))).toBe(true);
    expect(isUnsupported(new Error('appendRecords'))).toBe(false);
  });

  it('says which server a refused multi-stream command needs, and that nothing was written', () => {
    const multi = new MultiStreamAppendUnsupportedError(['account-a', 'contact-c'], 'multi-stream-append');
    expect(multi.message).toMatch(/account-a, contact-c.*KurrentDB 25\.1 or later.*Nothing was written/u);
    const condition = new MultiStreamAppendUnsupportedError(['account-a', 'contact-c'], 'consistency-checks');
    expect(condition.message).toMatch(/condition.*KurrentDB 26\.1 or later/u);
    expect(condition).toMatchObject({ name: 'MultiStreamAppendUnsupportedError', streamIds: ['account-a', 'contact-c'] });
  });
});
