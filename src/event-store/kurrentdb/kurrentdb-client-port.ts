import type {
  AllStreamResolvedEvent,
  AppendRecordInput,
  AppendRecordsResult,
  AppendResult,
  AppendStreamRequest,
  AppendStreamState,
  ConsistencyCheck,
  EventData,
  MultiAppendResult,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/** A live `$all` subscription as the adapter uses it: a readable of resolved events that can be cancelled. */
export interface AllSubscriptionSource {
  on(event: 'data', listener: (event: AllStreamResolvedEvent) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'end' | 'close', listener: () => void): this;
  pause(): this;
  resume(): this;
  isPaused(): boolean;
  removeAllListeners(): this;
  unsubscribe(): Promise<void>;
}

/**
 * The part of `KurrentDBClient` (@kurrent/kurrentdb-client 1.3) the adapter uses. The real client satisfies it
 * as is; tests give the adapter an in-memory stand-in.
 *
 * - `appendToStream`: one stream, any server.
 * - `multiStreamAppend`: several streams atomically, each with at least one event (server 25.1+).
 * - `appendRecords`: several streams atomically plus consistency checks on any stream, written or not (server 26.1+).
 *
 * The last two reject with the client's `UnsupportedError` before sending anything when the server lacks them.
 */
export interface KurrentDbClientPort {
  appendToStream(streamName: string, events: EventData[], options: { streamState: AppendStreamState }): Promise<AppendResult>;
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  appendRecords(records: AppendRecordInput[], checks?: ConsistencyCheck[]): Promise<AppendRecordsResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscriptionSource;
  dispose(): Promise<void>;
}
