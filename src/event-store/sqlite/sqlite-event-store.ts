import type Database from 'better-sqlite3';
import type { EventMetadata } from '../../../events';
import { systemClock, type Clock } from '../../shared/clock';
import { uuidV7Ids, type IdGenerator } from '../../shared/ids';
import { IdempotencyKeyReusedError, IdempotentReplay, WrongExpectedVersionError } from '../errors';
import type {
  AppendRequest,
  AppendResult,
  CatchUpBatch,
  CatchUpCheckpoint,
  ChainReport,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredIdempotentResult,
  Subscription,
  TransactionalHook,
} from '../event-store';
import { GroupCommitQueue, type GroupMember, type GroupWriter } from '../group-commit';
import { ChainVerifier, GENESIS_HASH, chainHash } from '../hash-chain';
import type { DataKey } from '../personal-data/field-cipher';
import type { DataKeyRows, PersonalDataVault, StoredDataKey } from '../personal-data/personal-data-vault';
import { STORED_EVENT_COLUMNS, chainedFieldsOf, satisfies, toRecordedEvents, type StoredEventRow } from '../stored-event';
import { migrateSqliteEventStore } from './sqlite-schema';

/** Where the writer keeps temporary data (savepoint journals, sorts) during group commits, and during work run alone. */
const GROUP_TEMP_STORE = 'MEMORY';
const ALONE_TEMP_STORE = 'FILE';

export interface SqliteEventStoreOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Inline projections, applied in the append's transaction. */
  readonly hook?: TransactionalHook;
  /** How long idempotency keys are remembered (default 24 h). */
  readonly idempotencyRetentionMs?: number;
  /** The most appends one transaction takes from the queue (group commit). */
  readonly maxGroupSize?: number;
  /** How often a subscription looks for events written by other processes, in ms. */
  readonly pollIntervalMs?: number;
  /** Encrypts people's data with their own keys (crypto-shredding); without it, events are stored as they are. */
  readonly vault?: PersonalDataVault;
}

/**
 * The embedded event store. One writer connection takes appends from a queue: appends that arrive while a
 * transaction is in flight are committed together in the next one (group commit), each inside its own
 * SAVEPOINT so that a refused append rolls back alone and gets its own error. Callers are answered only
 * after COMMIT, so every acknowledged append is durable (synchronous=FULL by default).
 */
export class SqliteEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly retentionMs: number;
  private readonly pollIntervalMs: number;
  private hook: TransactionalHook | undefined;
  private readonly writes: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly appendListeners = new Set<() => void>();
  private readonly w: ReturnType<typeof prepareWriterStatements>;
  private readonly r: ReturnType<typeof prepareReaderStatements>;
  private readonly vault: PersonalDataVault | undefined;
  private readonly writerKeys: DataKeyRows;
  private readonly readerKeys: DataKeyRows;

  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    options: SqliteEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? uuidV7Ids;
    this.hook = options.hook;
    this.retentionMs = options.idempotencyRetentionMs ?? 24 * 60 * 60 * 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    migrateSqliteEventStore(writer);
    // Group commits keep their savepoint journals (one per append) in memory: as temporary files they halved the
    // rate of bulk appends, and left copies of pages with personal data on disk. Work run alone (rebuilds, whose
    // index builds sort whole tables) goes back to files, so its memory does not grow with the tables.
    writer.pragma(`temp_store = ${GROUP_TEMP_STORE}`);
    this.w = prepareWriterStatements(writer);
    this.r = prepareReaderStatements(reader);
    this.vault = options.vault;
    this.writerKeys = keyRowsOn(writer);
    this.readerKeys = keyRowsOn(reader);
    const groupWriter: GroupWriter<AppendRequest, AppendResult> = {
      commitGroup: (members) => this.commitGroup(members),
      runAlone: (work, transaction) => (transaction ? this.runAlone(work) : work()),
    };
    this.writes = new GroupCommitQueue(groupWriter, options.maxGroupSize ?? 1000);
  }

  /** Refuses a DATA_KEY other than the one the stored data keys were wrapped with. */
  async checkMasterKey(): Promise<void> {
    await this.vault?.checkMasterKey(this.readerKeys);
  }

  /** Installs the inline projections (set once, at start-up, before the first append). */
  setHook(hook: TransactionalHook): void {
    this.hook = hook;
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return this.writes.submit(request);
  }

  /**
   * Runs `work` alone in one write transaction, between two groups of appends (rebuilds, maintenance).
   * `work` uses the writer connection synchronously or through the inline projection database.
   */
  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.writes.alone(work);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.r.readStream.all(
      streamId,
      options.fromVersion ?? 1,
      options.toVersion ?? Number.MAX_SAFE_INTEGER,
      options.until ? options.until.toISOString() : '9999',
    ) as StoredEventRow[];
    return toRecordedEvents(rows, this.vault, this.readerKeys);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const rows = this.r.readAll.all(options.after, options.limit) as StoredEventRow[];
    return toRecordedEvents(rows, this.vault, this.readerKeys);
  }

  /** On SQLite one writer commits at a time, so position order is commit order. */
  async readCatchUp(after: CatchUpCheckpoint, limit: number): Promise<CatchUpBatch> {
    const events = await this.readAll({ after: after.position, limit });
    const last = events[events.length - 1];
    return { events, checkpoint: last ? { txId: '0', position: last.globalPosition } : after };
  }

  async headCheckpoint(): Promise<CatchUpCheckpoint> {
    return { txId: '0', position: await this.headPosition() };
  }

  /** Positions are commit order here. */
  checkpointAt(position: number): Promise<CatchUpCheckpoint> {
    return Promise.resolve({ txId: '0', position });
  }

  headPosition(): Promise<number> {
    return Promise.resolve(headOf(this.r.head.get()));
  }

  findIdempotentResult(actorId: string, key: string): Promise<StoredIdempotentResult | null> {
    const row = this.r.findKey.get(actorId, key, this.retentionCutoff()) as IdempotencyRow | undefined;
    return Promise.resolve(
      row
        ? { requestHash: row.request_hash, result: JSON.parse(row.result) as StoredIdempotentResult['result'], position: row.position }
        : null,
    );
  }

  async verify(): Promise<ChainReport> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = this.r.readAll.all(after, 5000) as StoredEventRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!verifier.check(chainedFieldsOf(row))) return verifier.report();
      }
      after = rows[rows.length - 1]!.global_position;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return verifier.report();
  }

  subscribe(after: number, handler: (events: readonly RecordedEvent[]) => Promise<void>): Subscription {
    let position = after;
    let stopped = false;
    let wake: (() => void) | null = null;
    const listener = () => wake?.();
    this.appendListeners.add(listener);
    const loop = async () => {
      while (!stopped) {
        const events = await this.readAll({ after: position, limit: 500 });
        if (events.length > 0) {
          await handler(events);
          position = events[events.length - 1]!.globalPosition;
          continue;
        }
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

  /**
   * Makes data deleted or overwritten so far unrecoverable from the files: with secure_delete on, freed
   * space is zeroed, and this moves the write-ahead log into the database file and truncates it.
   */
  scrub(): Promise<void> {
    return this.writes.alone(() => {
      this.writer.pragma('wal_checkpoint(TRUNCATE)');
      return Promise.resolve();
    }, false);
  }

  /** Forgets idempotency keys older than the retention window. */
  purgeExpiredIdempotencyKeys(): Promise<number> {
    return this.runExclusive(() => Promise.resolve(this.w.purgeKeys.run(this.retentionCutoff()).changes));
  }

  async close(): Promise<void> {
    // Queued writes finish first: every caller already waiting gets its answer.
    await this.writes.close();
    for (const listener of this.appendListeners) listener();
    this.appendListeners.clear();
  }

  private retentionCutoff(): string {
    return new Date(this.clock.now().getTime() - this.retentionMs).toISOString();
  }

  private async runAlone<T>(work: () => Promise<T>): Promise<T> {
    this.writer.pragma(`temp_store = ${ALONE_TEMP_STORE}`);
    this.writer.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.writer.exec('COMMIT');
      return result;
    } catch (error) {
      rollbackQuietly(this.writer);
      throw error;
    } finally {
      if (!this.writer.inTransaction) this.writer.pragma(`temp_store = ${GROUP_TEMP_STORE}`);
      this.notifyAppended();
    }
  }

  private async commitGroup(group: readonly GroupMember<AppendRequest, AppendResult>[]): Promise<void> {
    try {
      this.writer.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    const accepted: { job: GroupMember<AppendRequest, AppendResult>; result: AppendResult; keys: Map<string, DataKey> }[] = [];
    const now = this.clock.now().toISOString();
    try {
      const chain = { ...chainHeadOf(this.w.head.get()), lastAssigned: (this.w.sequence.get() as { seq: number } | undefined)?.seq ?? 0 };
      for (const job of group) {
        const before = { ...chain };
        this.w.savepoint.run();
        try {
          const events = job.request.streams.flatMap((stream) => stream.events);
          const keys = this.vault ? await this.vault.keysForWrite(events, this.writerKeys, now) : new Map<string, DataKey>();
          const result = this.writeAppend(job.request, chain, keys);
          if (job.request.eraseSubjects?.length) await this.writerKeys.destroy(job.request.eraseSubjects);
          if (this.hook && result.events.length > 0) await this.hook.onAppended(result.events);
          this.w.release.run();
          accepted.push({ job, result, keys });
        } catch (error) {
          this.w.rollbackTo.run();
          this.w.release.run();
          Object.assign(chain, before);
          job.reject(error);
        }
      }
      if (this.hook && accepted.length > 0) await this.hook.beforeCommit(chain.position);
      this.writer.exec('COMMIT');
    } catch (error) {
      rollbackQuietly(this.writer);
      for (const { job } of accepted) job.reject(error);
      return;
    }
    for (const { job, result, keys } of accepted) {
      this.vault?.remember(keys);
      if (job.request.eraseSubjects) this.vault?.forget(job.request.eraseSubjects);
      job.resolve(result);
    }
    if (accepted.length > 0) this.notifyAppended();
  }

  /** Checks every stream's expected version, then writes the events; runs inside the append's savepoint. */
  private writeAppend(
    request: AppendRequest,
    chain: { position: number; hash: string; lastAssigned: number },
    keys: ReadonlyMap<string, DataKey>,
  ): AppendResult {
    const { idempotency } = request;
    if (idempotency) {
      const prior = this.w.findKey.get(idempotency.actorId, idempotency.key, this.retentionCutoff()) as IdempotencyRow | undefined;
      if (prior) {
        if (prior.request_hash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
        throw new IdempotentReplay(idempotency.key, prior.request_hash, JSON.parse(prior.result), prior.position);
      }
    }
    const seen = new Set<string>();
    const versions = new Map<string, number>();
    for (const stream of request.streams) {
      if (seen.has(stream.streamId)) throw new Error(`Stream ${stream.streamId} is named twice in one append`);
      seen.add(stream.streamId);
      const actual = (this.w.streamVersion.get(stream.streamId) as { v: number | null }).v ?? 0;
      const expected = stream.expectedVersion;
      if (!satisfies(expected, actual)) throw new WrongExpectedVersionError(stream.streamId, expected, actual);
      versions.set(stream.streamId, actual);
    }
    const recordedAt = (request.recordedAt ?? this.clock.now()).toISOString();
    const metadataText = JSON.stringify(request.metadata satisfies EventMetadata);
    const events: RecordedEvent[] = [];
    for (const stream of request.streams) {
      let version = versions.get(stream.streamId)!;
      for (const event of stream.events) {
        version += 1;
        const fields = {
          eventId: this.ids.next(),
          streamId: stream.streamId,
          streamVersion: version,
          // Positions are never reused, even if rows at the end were removed (the chain then reports the hole).
          globalPosition: Math.max(chain.position, chain.lastAssigned) + 1,
          type: event.type,
          schemaVersion: event.schemaVersion,
          recordedAt,
          dataText: this.vault ? this.vault.encode(event, keys) : JSON.stringify(event.data),
          metadataText,
        };
        const hash = chainHash(chain.hash, fields);
        this.w.insert.run(
          fields.globalPosition,
          fields.eventId,
          fields.streamId,
          fields.streamVersion,
          fields.type,
          fields.schemaVersion,
          fields.dataText,
          fields.metadataText,
          request.metadata.actorId,
          recordedAt,
          hash,
        );
        const position = fields.globalPosition;
        chain.position = position;
        chain.lastAssigned = position;
        chain.hash = hash;
        events.push({
          ...event,
          eventId: fields.eventId,
          streamId: stream.streamId,
          streamVersion: version,
          globalPosition: position,
          metadata: request.metadata,
          recordedAt,
        });
      }
      versions.set(stream.streamId, version);
    }
    if (idempotency) {
      this.w.insertKey.run(
        idempotency.actorId,
        idempotency.key,
        idempotency.requestHash,
        JSON.stringify(idempotency.result),
        chain.position,
        // The key's age counts from now, even when the events are backdated (imports of history).
        this.clock.now().toISOString(),
      );
    }
    return { position: chain.position, checkpoint: { txId: '0', position: chain.position }, events, versions };
  }

  private notifyAppended(): void {
    for (const listener of this.appendListeners) listener();
  }
}

interface IdempotencyRow {
  request_hash: string;
  result: string;
  position: number;
}

function prepareWriterStatements(db: Database.Database) {
  return {
    head: db.prepare('SELECT global_position, hash FROM events ORDER BY global_position DESC LIMIT 1'),
    sequence: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
    streamVersion: db.prepare('SELECT MAX(stream_version) AS v FROM events WHERE stream_id = ?'),
    insert: db.prepare(
      'INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, actor_id, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    findKey: db.prepare('SELECT request_hash, result, position FROM idempotency_keys WHERE actor_id = ? AND key = ? AND created_at >= ?'),
    insertKey: db.prepare(
      'INSERT INTO idempotency_keys (actor_id, key, request_hash, result, position, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (actor_id, key) DO UPDATE SET request_hash = excluded.request_hash, result = excluded.result, position = excluded.position, created_at = excluded.created_at',
    ),
    purgeKeys: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackTo: db.prepare('ROLLBACK TO append_one'),
  };
}

function prepareReaderStatements(db: Database.Database) {
  return {
    head: db.prepare('SELECT global_position, hash FROM events ORDER BY global_position DESC LIMIT 1'),
    readStream: db.prepare(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? AND recorded_at <= ? ORDER BY stream_version`,
    ),
    readAll: db.prepare(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`),
    findKey: db.prepare('SELECT request_hash, result, position FROM idempotency_keys WHERE actor_id = ? AND key = ? AND created_at >= ?'),
  };
}

/** The `data_keys` table through one connection (synchronous SQLite, wrapped for the vault). */
function keyRowsOn(db: Database.Database): DataKeyRows {
  const columns = 'key_id AS keyId, subject_id AS subject, wrapped, master_key_id AS masterKeyId';
  const current = db.prepare(`SELECT ${columns} FROM data_keys WHERE subject_id = ? ORDER BY created_at DESC, key_id DESC LIMIT 1`);
  const byId = db.prepare(`SELECT ${columns} FROM data_keys WHERE key_id = ?`);
  const insert = db.prepare('INSERT INTO data_keys (key_id, subject_id, wrapped, master_key_id, created_at) VALUES (?, ?, ?, ?, ?)');
  const destroy = db.prepare('DELETE FROM data_keys WHERE subject_id = ?');
  const anyMaster = db.prepare('SELECT master_key_id AS id FROM data_keys LIMIT 1');
  return {
    currentFor: (subjects) => Promise.resolve(subjects.flatMap((subject) => current.all(subject) as StoredDataKey[])),
    byIds: (keyIds) => Promise.resolve(keyIds.flatMap((keyId) => byId.all(keyId) as StoredDataKey[])),
    insert: (key, createdAt) => {
      insert.run(key.keyId, key.subject, key.wrapped, key.masterKeyId, createdAt);
      return Promise.resolve();
    },
    destroy: (subjects) => Promise.resolve(subjects.reduce((count, subject) => count + destroy.run(subject).changes, 0)),
    anyMasterKeyId: () => Promise.resolve((anyMaster.get() as { id: string } | undefined)?.id),
  };
}

function headOf(row: unknown): number {
  return (row as { global_position: number } | undefined)?.global_position ?? 0;
}

function chainHeadOf(row: unknown): { position: number; hash: string } {
  const head = row as { global_position: number; hash: string } | undefined;
  return head ? { position: head.global_position, hash: head.hash } : { position: 0, hash: GENESIS_HASH };
}

function rollbackQuietly(db: Database.Database): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
  } catch {
    // The transaction is already gone (SQLite rolls back on some errors by itself).
  }
}
