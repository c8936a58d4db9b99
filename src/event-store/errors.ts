import type { ExpectedVersion } from './event-store';

/** A stream was not at the version the writer expected; nothing was written. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** An idempotency key was reused by the same actor for a different command. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(readonly key: string) {
    super(`Idempotency key "${key}" was already used for a different request`);
  }
}

/** The same key was claimed by a concurrent command that committed first; carries its result. */
export class IdempotentReplay extends Error {
  override readonly name = 'IdempotentReplay';
  constructor(
    readonly key: string,
    readonly requestHash: string,
    readonly result: unknown,
    readonly position: number,
  ) {
    super(`Idempotency key "${key}" was already used`);
  }
}
