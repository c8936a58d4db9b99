/**
 * One lock per key, in process: commands on the same record wait for each other instead of deciding on the
 * same state and losing the race one after another. Correctness never depends on it (the append's
 * expected-version check does that, across processes too); it only spares hot records from retry storms.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
