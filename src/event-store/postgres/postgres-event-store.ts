import type { Pool, PoolClient } from 'pg';
import type { EventMetadata } from '../../../events';
import { systemClock, type Clock } from '../../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../../shared/ids';
import { IdempotencyKeyReusedError, IdempotentReplay, WrongExpectedVersionError } from '../errors';
import {
  CATCH_UP_START,
  type AppendRequest,
  type AppendResult,
  type CatchUpBatch,
  type CatchUpCheckpoint,
  type ChainReport,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredIdempotentResult,
  type Subscription,
} from '../event-store';
import { GroupCommitQueue, type GroupMember } from '../group-commit';
import { ChainVerifier, GENESIS_HASH, chainHash } from '../hash-chain';
import type { DataKey } from '../personal-data/field-cipher';
import type { DataKeyRows, PersonalDataVault, StoredDataKey } from '../personal-data/personal-data-vault';
import { STORED_EVENT_COLUMNS, chainedFieldsOf, satisfies, toRecordedEvents, type StoredEventRow } from '../stored-event';
import { LOCKS, LOCK_SPACE } from './postgres-schema';

/** Channel notified (at commit) when events were appended; catch-up projectors listen to it. */
export const EVENTS_CHANNEL = 'crm_events';

export interface PostgresEventStoreOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly idempotencyRetentionMs?: number;
  readonly maxGroupSize?: number;
  readonly pollIntervalMs?: number;
  /** Encrypts people's data with their own keys (crypto-shredding); without it, events are stored as they are. */
  readonly vault?: PersonalDataVault;
}

interface IdempotencyRow {
  request_hash: string;
  result: string;
  position: number;
}

type CatchUpRow = StoredEventRow & { tx_id: string };

/**
 * The scale-out event store. Appends from this process are grouped (group commit) into one transaction
 * that first takes the event-chain advisory lock, so across processes appends commit one group at a time:
 * positions and the hash chain follow commit order. Each stream's version is kept in `streams` and
 * advanced by a guarded update, which is what refuses a stale writer. Catch-up reads never pass an event
 * whose transaction may still commit: they stop below the oldest transaction in flight and order by
 * (transaction id, position).
 */
export class PostgresEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly retentionMs: number;
  private readonly pollIntervalMs: number;
  private readonly writes: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly appendListeners = new Set<() => void>();
  private readonly vault: PersonalDataVault | undefined;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? uuidV7Ids;
    this.retentionMs = options.idempotencyRetentionMs ?? 24 * 60 * 60 * 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.vault = options.vault;
    this.writes = new GroupCommitQueue<AppendRequest, AppendResult>(
      { commitGroup: (members) => this.commitGroup(members), runAlone: (work) => work() },
      options.maxGroupSize ?? 500,
    );
  }

  /** Refuses a DATA_KEY other than the one the stored data keys were wrapped with. */
  async checkMasterKey(): Promise<void> {
    await this.vault?.checkMasterKey(keyRowsOn(this.pool));
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return this.writes.submit(request);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 AND recorded_at <= $4
       ORDER BY stream_version`,
      [
        streamId,
        options.fromVersion ?? 1,
        options.toVersion ?? Number.MAX_SAFE_INTEGER,
        options.until ? options.until.toISOString() : '9999',
      ],
    );
    return toRecordedEvents(rows, this.vault, keyRowsOn(this.pool));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [options.after, options.limit],
    );
    return toRecordedEvents(rows, this.vault, keyRowsOn(this.pool));
  }

  async readCatchUp(after: CatchUpCheckpoint, limit: number): Promise<CatchUpBatch> {
    const { rows } = await this.pool.query<CatchUpRow>(
      `SELECT ${STORED_EVENT_COLUMNS}, tx_id::text AS tx_id FROM events
       WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
         AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY tx_id, global_position
       LIMIT $3`,
      [after.txId, after.position, limit],
    );
    const last = rows[rows.length - 1];
    return {
      events: await toRecordedEvents(rows, this.vault, keyRowsOn(this.pool)),
      checkpoint: last ? { txId: last.tx_id, position: Number(last.global_position) } : after,
    };
  }

  async headCheckpoint(): Promise<CatchUpCheckpoint> {
    // The last committed event in catch-up order. A reader only gets there once every transaction before it
    // has ended, so it has then seen everything committed now (even while an older transaction holds the
    // snapshot's xmin back, which only delays it).
    const { rows } = await this.pool.query<{ tx_id: string; global_position: number }>(
      `SELECT tx_id::text AS tx_id, global_position FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { txId: row.tx_id, position: Number(row.global_position) } : CATCH_UP_START;
  }

  /** The event's own transaction id: catch-up readers order by it before the position. */
  async checkpointAt(position: number): Promise<CatchUpCheckpoint> {
    const { rows } = await this.pool.query<{ tx_id: string }>('SELECT tx_id::text AS tx_id FROM events WHERE global_position = $1', [
      position,
    ]);
    const txId = rows[0]?.tx_id;
    return txId === undefined ? this.headCheckpoint() : { txId, position };
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ position: number | null }>('SELECT max(global_position) AS position FROM events');
    return Number(rows[0]?.position ?? 0);
  }

  async findIdempotentResult(actorId: string, key: string): Promise<StoredIdempotentResult | null> {
    const { rows } = await this.pool.query<IdempotencyRow>(
      'SELECT request_hash, result, position FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND created_at >= $3',
      [actorId, key, this.retentionCutoff()],
    );
    const row = rows[0];
    return row
      ? {
          requestHash: row.request_hash,
          result: JSON.parse(row.result) as StoredIdempotentResult['result'],
          position: Number(row.position),
        }
      : null;
  }

  async verify(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<StoredEventRow>(
        `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 5000`,
        [after],
      );
      if (rows.length === 0) break;
      for (const row of rows) if (!verifier.check(chainedFieldsOf(row))) return verifier.report();
      after = Number(rows[rows.length - 1]!.global_position);
    }
    return verifier.report();
  }

  subscribe(after: number, handler: (events: readonly RecordedEvent[]) => Promise<void>): Subscription {
    let checkpoint = CATCH_UP_START;
    let stopped = false;
    let wake: (() => void) | null = null;
    const listener = () => wake?.();
    this.appendListeners.add(listener);
    const loop = async () => {
      while (!stopped) {
        const batch = await this.readCatchUp(checkpoint, 500);
        checkpoint = batch.checkpoint;
        const events = batch.events.filter((event) => event.globalPosition > after);
        if (events.length > 0) await handler(events);
        if (batch.events.length > 0) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    };
    void loop();
    return {
      close: () => {
        stopped = true;
        this.appendListeners.delete(listener);
        wake?.();
      },
    };
  }

  /** Forgets idempotency keys older than the retention window. */
  async purgeExpiredIdempotencyKeys(): Promise<number> {
    const result = await this.pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [this.retentionCutoff()]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.writes.close();
    for (const listener of this.appendListeners) listener();
    this.appendListeners.clear();
  }

  private retentionCutoff(): string {
    return new Date(this.clock.now().getTime() - this.retentionMs).toISOString();
  }

  private async commitGroup(group: readonly GroupMember<AppendRequest, AppendResult>[]): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      for (const member of group) member.reject(error);
      return;
    }
    const accepted: { member: GroupMember<AppendRequest, AppendResult>; result: AppendResult; keys: Map<string, DataKey> }[] = [];
    const keyRows = keyRowsOn(client);
    const now = this.clock.now().toISOString();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCKS.eventChain]);
      const head = await client.query<{ global_position: number; hash: string }>(
        'SELECT global_position, hash FROM events ORDER BY global_position DESC LIMIT 1',
      );
      const chain = { hash: head.rows[0]?.hash ?? GENESIS_HASH };
      let txId: string | null = null;
      for (const member of group) {
        const before = chain.hash;
        await client.query('SAVEPOINT append_one');
        try {
          const events = member.request.streams.flatMap((stream) => stream.events);
          const keys = this.vault ? await this.vault.keysForWrite(events, keyRows, now) : new Map<string, DataKey>();
          const written = await this.writeAppend(client, member.request, chain, keys);
          if (member.request.eraseSubjects?.length) await keyRows.destroy(member.request.eraseSubjects);
          await client.query('RELEASE SAVEPOINT append_one');
          txId ??= (await client.query<{ tx: string }>('SELECT pg_current_xact_id()::text AS tx')).rows[0]!.tx;
          accepted.push({ member, result: { ...written, checkpoint: { txId, position: written.position } }, keys });
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT append_one');
          await client.query('RELEASE SAVEPOINT append_one');
          chain.hash = before;
          member.reject(error);
        }
      }
      if (accepted.length > 0) await client.query(`NOTIFY ${EVENTS_CHANNEL}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      for (const { member } of accepted) member.reject(error);
      client.release(true);
      return;
    }
    client.release();
    for (const { member, result, keys } of accepted) {
      this.vault?.remember(keys);
      if (member.request.eraseSubjects) this.vault?.forget(member.request.eraseSubjects);
      member.resolve(result);
    }
    if (accepted.length > 0) for (const listener of this.appendListeners) listener();
  }

  /** Checks and advances every stream's version, then writes the events; runs inside the append's savepoint. */
  private async writeAppend(
    client: PoolClient,
    request: AppendRequest,
    chain: { hash: string },
    keys: ReadonlyMap<string, DataKey>,
  ): Promise<Omit<AppendResult, 'checkpoint'>> {
    const { idempotency } = request;
    if (idempotency) {
      const prior = await client.query<IdempotencyRow>(
        'SELECT request_hash, result, position FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND created_at >= $3',
        [idempotency.actorId, idempotency.key, this.retentionCutoff()],
      );
      const row = prior.rows[0];
      if (row) {
        if (row.request_hash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
        throw new IdempotentReplay(idempotency.key, row.request_hash, JSON.parse(row.result), Number(row.position));
      }
    }
    const streamIds = request.streams.map((stream) => stream.streamId);
    if (new Set(streamIds).size !== streamIds.length) throw new Error('A stream is named twice in one append');
    const current = await client.query<{ stream_id: string; version: number }>(
      'SELECT stream_id, version FROM streams WHERE stream_id = ANY($1)',
      [streamIds],
    );
    const versions = new Map(current.rows.map((row) => [row.stream_id, Number(row.version)]));
    for (const stream of request.streams) {
      const actual = versions.get(stream.streamId) ?? 0;
      if (!satisfies(stream.expectedVersion, actual)) throw new WrongExpectedVersionError(stream.streamId, stream.expectedVersion, actual);
    }
    const count = request.streams.reduce((sum, stream) => sum + stream.events.length, 0);
    const positions = (
      await client.query<{ position: number }>("SELECT nextval('events_global_position_seq') AS position FROM generate_series(1, $1)", [
        count,
      ])
    ).rows.map((row) => Number(row.position));
    const recordedAt = (request.recordedAt ?? this.clock.now()).toISOString();
    const metadataText = JSON.stringify(request.metadata satisfies EventMetadata);
    const events: RecordedEvent[] = [];
    const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    const finalVersions = new Map<string, number>();
    for (const stream of request.streams) {
      const from = versions.get(stream.streamId) ?? 0;
      let version = from;
      for (const event of stream.events) {
        version += 1;
        const fields = {
          eventId: this.ids.next(),
          streamId: stream.streamId,
          streamVersion: version,
          globalPosition: positions[events.length]!,
          type: event.type,
          schemaVersion: event.schemaVersion,
          recordedAt,
          dataText: this.vault ? this.vault.encode(event, keys) : JSON.stringify(event.data),
          metadataText,
        };
        const hash = chainHash(chain.hash, fields);
        chain.hash = hash;
        const row = [
          fields.globalPosition,
          fields.eventId,
          fields.streamId,
          version,
          fields.type,
          fields.schemaVersion,
          fields.dataText,
          metadataText,
          request.metadata.actorId,
          recordedAt,
          hash,
        ];
        row.forEach((value, index) => columns[index]!.push(value));
        events.push({
          ...event,
          eventId: fields.eventId,
          streamId: stream.streamId,
          streamVersion: version,
          globalPosition: fields.globalPosition,
          metadata: request.metadata,
          recordedAt,
        });
      }
      finalVersions.set(stream.streamId, version);
      if (version === from) continue;
      // The guarded update: refuses (0 rows) if another writer moved the stream since it was read.
      const advanced =
        from === 0
          ? await client.query('INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING', [
              stream.streamId,
              version,
            ])
          : await client.query('UPDATE streams SET version = $2 WHERE stream_id = $1 AND version = $3', [stream.streamId, version, from]);
      if (advanced.rowCount !== 1) throw new WrongExpectedVersionError(stream.streamId, stream.expectedVersion, from + 1);
    }
    if (events.length > 0) {
      await client.query(
        `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, actor_id, recorded_at, hash)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        columns,
      );
    }
    const position = events.length > 0 ? events[events.length - 1]!.globalPosition : await this.committedHead(client);
    if (idempotency) {
      await client.query(
        `INSERT INTO idempotency_keys (actor_id, key, request_hash, result, position, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (actor_id, key) DO UPDATE SET request_hash = excluded.request_hash, result = excluded.result, position = excluded.position, created_at = excluded.created_at`,
        [
          idempotency.actorId,
          idempotency.key,
          idempotency.requestHash,
          JSON.stringify(idempotency.result),
          position,
          this.clock.now().toISOString(),
        ],
      );
    }
    return { position, events, versions: finalVersions };
  }

  private async committedHead(client: PoolClient): Promise<number> {
    const { rows } = await client.query<{ position: number | null }>('SELECT max(global_position) AS position FROM events');
    return Number(rows[0]?.position ?? 0);
  }
}

/** The `data_keys` table through a pool or a transaction's client. */
function keyRowsOn(db: Pick<Pool, 'query'>): DataKeyRows {
  const columns = 'key_id AS "keyId", subject_id AS subject, wrapped, master_key_id AS "masterKeyId"';
  return {
    currentFor: async (subjects) =>
      (
        await db.query<StoredDataKey>(
          `SELECT DISTINCT ON (subject_id) ${columns} FROM data_keys WHERE subject_id = ANY($1) ORDER BY subject_id, created_at DESC, key_id`,
          [subjects],
        )
      ).rows,
    byIds: async (keyIds) => (await db.query<StoredDataKey>(`SELECT ${columns} FROM data_keys WHERE key_id = ANY($1)`, [keyIds])).rows,
    insert: async (key, createdAt) => {
      await db.query('INSERT INTO data_keys (key_id, subject_id, wrapped, master_key_id, created_at) VALUES ($1, $2, $3, $4, $5)', [
        key.keyId,
        key.subject,
        key.wrapped,
        key.masterKeyId,
        createdAt,
      ]);
    },
    destroy: async (subjects) => (await db.query('DELETE FROM data_keys WHERE subject_id = ANY($1)', [subjects])).rowCount ?? 0,
    anyMasterKeyId: async () => (await db.query<{ id: string }>('SELECT master_key_id AS id FROM data_keys LIMIT 1')).rows[0]?.id,
  };
}
