import { Client, type ClientConfig } from 'pg';
import type { CatchUpCheckpoint } from '../event-store/event-store';
import { EVENTS_CHANNEL } from '../event-store/postgres/postgres-event-store';
import { LOCK_SPACE } from '../event-store/postgres/postgres-schema';
import type { ProjectorCoordination } from './coordination';

/** Channel on which projectors announce their progress: `<projection> <txId> <position>`. */
export const PROGRESS_CHANNEL = 'crm_projection_progress';

/** Advisory-lock keys of projections live above the fixed locks of postgres-schema.ts. */
function lockKey(projection: string): number {
  let hash = 0;
  for (const char of projection) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return (Math.abs(hash) % 1_000_000_000) + 1000;
}

/**
 * Coordination through PostgreSQL: one dedicated session holds the projection locks (session advisory
 * locks, released by the server when the session ends, e.g. when the process dies) and listens to the
 * append and progress channels. If the session breaks, every lock is considered lost and it reconnects.
 */
export class PostgresCoordination implements ProjectorCoordination {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private readonly held = new Set<string>();
  private readonly appended = new Set<() => void>();
  private readonly progress = new Set<(projection: string, checkpoint: CatchUpCheckpoint) => void>();
  private closed = false;
  /** Queries on the session run one after another (a pg client does not interleave them). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: ClientConfig) {}

  private query<Row extends object>(text: string, values: unknown[]): Promise<Row[]> {
    const run = this.queue.then(async () => (await (await this.session()).query<Row>(text, values)).rows);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async tryAcquire(projection: string): Promise<boolean> {
    if (this.held.has(projection)) return true;
    const rows = await this.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_SPACE, lockKey(projection)]);
    if (rows[0]?.locked) this.held.add(projection);
    return this.held.has(projection);
  }

  async release(projection: string): Promise<void> {
    if (!this.held.delete(projection) || !this.client) return;
    await this.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, lockKey(projection)]);
  }

  onEventsAppended(listener: () => void): () => void {
    this.appended.add(listener);
    void this.session().catch(() => undefined);
    return () => this.appended.delete(listener);
  }

  async announceAppended(): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, '']);
  }

  async announceProgress(projection: string, checkpoint: CatchUpCheckpoint): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [PROGRESS_CHANNEL, `${projection} ${checkpoint.txId} ${checkpoint.position}`]);
  }

  onProgress(listener: (projection: string, checkpoint: CatchUpCheckpoint) => void): () => void {
    this.progress.add(listener);
    void this.session().catch(() => undefined);
    return () => this.progress.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.held.clear();
    const client = this.client ?? (this.connecting ? await this.connecting.catch(() => null) : null);
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The dedicated session, (re)connected on demand; its locks are lost with it. */
  private session(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.closed) return Promise.reject(new Error('Coordination is closed'));
    this.connecting ??= (async () => {
      const client = new Client({ ...this.config, application_name: `crm:${process.pid}:coordination` });
      client.on('error', () => this.lose(client));
      client.on('end', () => this.lose(client));
      client.on('notification', (message) => {
        if (message.channel === EVENTS_CHANNEL) for (const listener of this.appended) listener();
        else if (message.channel === PROGRESS_CHANNEL && message.payload) {
          const [projection, txId, position] = message.payload.split(' ');
          if (projection && txId && position)
            for (const listener of this.progress) listener(projection, { txId, position: Number(position) });
        }
      });
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private lose(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.held.clear();
    // Whoever waited for news must look again: wake them so they re-read the stored state.
    for (const listener of this.appended) listener();
  }
}
