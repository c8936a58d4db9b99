/** A value that survives JSON.stringify/JSON.parse unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The shape every catalogued event has: a past-tense type, the version of its payload shape, the payload. */
export interface EventOf<Type extends string, Data, Version extends number = 1> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data;
}

/** Where a change came from. */
export type EventSource = 'api' | 'import' | 'cli' | 'system';

/** Who did it, and why: recorded on every event. */
export interface EventMetadata {
  /** The user who issued the command (`system` for bootstrap work done by the server itself). */
  readonly actorId: string;
  /** The command this event was decided by; every event of one command shares it. */
  readonly commandId: string;
  /** The conversation this command belongs to (a request, an import job). */
  readonly correlationId: string;
  /** The message that caused this command (a request id, a previous event id). */
  readonly causationId: string | null;
  readonly source: EventSource;
}

/** The id of the built-in actor that performs bootstrap work (the first administrator's registration). */
export const SYSTEM_ACTOR_ID = 'system';
