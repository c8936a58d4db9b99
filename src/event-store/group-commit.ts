/** One queued write and how to answer its caller. */
export interface GroupMember<Request, Result> {
  readonly request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/** What an adapter provides to the queue: how to commit a group, and how to run work alone. */
export interface GroupWriter<Request, Result> {
  /**
   * Writes the members in one transaction, each isolated (a savepoint) so one refusal does not undo the others,
   * then commits once. Must answer every member: reject refused ones at once, resolve the rest after the commit.
   */
  commitGroup(members: readonly GroupMember<Request, Result>[]): Promise<void>;
  /** Runs `work` in a transaction of its own (or, for maintenance such as a WAL checkpoint, in none). */
  runAlone<T>(work: () => Promise<T>, transaction: boolean): Promise<T>;
}

type Job<Request, Result> =
  | ({ readonly kind: 'member' } & GroupMember<Request, Result>)
  | {
      readonly kind: 'alone';
      readonly work: () => Promise<unknown>;
      readonly transaction: boolean;
      resolve(value: unknown): void;
      reject(error: unknown): void;
    };

/**
 * Group commit: writes that arrive while a transaction is in flight wait and are committed together in the
 * next one. One commit (one fsync) then serves many commands, without giving up per-command atomicity or
 * errors. Work that must run alone (rebuilds, maintenance) takes its turn between groups.
 */
export class GroupCommitQueue<Request, Result> {
  private readonly queue: Job<Request, Result>[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly writer: GroupWriter<Request, Result>,
    private readonly maxGroupSize = 1000,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      if (this.closed) return reject(new Error('The event store is closed'));
      this.queue.push({ kind: 'member', request, resolve, reject });
      this.schedule();
    });
  }

  /** Runs `work` alone, between two groups, in its own transaction unless `transaction` is false. */
  alone<T>(work: () => Promise<T>, transaction = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) return reject(new Error('The event store is closed'));
      this.queue.push({ kind: 'alone', work, transaction, resolve: (value) => resolve(value as T), reject });
      this.schedule();
    });
  }

  /** Refuses new writes and resolves once every queued one has been answered. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
  }

  private schedule(): void {
    this.draining ??= Promise.resolve()
      .then(() => this.drain())
      .finally(() => {
        this.draining = null;
        if (this.queue.length > 0) this.schedule();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const first = this.queue[0]!;
      if (first.kind === 'alone') {
        this.queue.shift();
        try {
          first.resolve(await this.writer.runAlone(first.work, first.transaction));
        } catch (error) {
          first.reject(error);
        }
        continue;
      }
      const group: GroupMember<Request, Result>[] = [];
      while (group.length < this.maxGroupSize && this.queue[0]?.kind === 'member')
        group.push(this.queue.shift() as GroupMember<Request, Result>);
      try {
        await this.writer.commitGroup(group);
      } catch (error) {
        // The writer answers its members itself; this only guards against a writer bug leaving callers hanging.
        for (const member of group) member.reject(error);
      }
    }
  }
}
