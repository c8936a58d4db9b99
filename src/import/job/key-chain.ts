import { createHash } from 'node:crypto';

/**
 * What a row that holds a duplicate key left behind: the record that now has the key (and its account), or
 * null to look it up. In a dry run a record that would have been created has no id: `DRY_RUN_RECORD`.
 */
export type KeyHolder = { readonly id: string; readonly accountId: string | null } | null;

/** The record a dry run would have created (it has no id). */
export const DRY_RUN_RECORD = 'dry-run';

interface Link {
  readonly holder: Promise<KeyHolder>;
  /** The batch that registered it: it is dropped once that batch is committed and visible in the read models. */
  readonly batch: number;
  settled?: KeyHolder;
}

/**
 * Orders rows that share a duplicate key while they are in flight: each row registers, in file order, under
 * its keys and gets the promise of the previous row with its main key, so a duplicate waits for the record
 * its predecessor created (or changed) and then updates or skips it. Entries are dropped once their batch is
 * visible in the read models, where later rows find the records instead: memory holds the rows in flight only.
 */
export class KeyChain {
  private readonly links = new Map<string, Link>();
  /** Dry runs only: hashes (52 bits) of the keys rows left a record under, since no read model will ever show them. */
  private readonly remembered = new Set<number>();

  /** In a dry run, released keys are remembered (compactly) instead of being found in the read models later. */
  constructor(private readonly remember = false) {}

  /**
   * Registers a row under `keys` (its main key first) and returns what the previous holder of the main key
   * will leave, if there is one in flight. `settle` must be called once with what the row leaves under each key.
   */
  claim(
    keys: readonly string[],
    batch: number,
  ): { readonly previous: Promise<KeyHolder> | null; settle(holders: readonly KeyHolder[]): void } {
    const main = keys[0];
    let previous = main === undefined ? null : (this.links.get(main)?.holder ?? null);
    if (previous === null && main !== undefined && this.remember && this.remembered.has(keyHash(main)))
      previous = Promise.resolve({ id: DRY_RUN_RECORD, accountId: null });
    const links = keys.map((key) => {
      let resolve: (holder: KeyHolder) => void = () => undefined;
      const link: Link = { holder: new Promise<KeyHolder>((done) => (resolve = done)), batch };
      this.links.set(key, link);
      return { link, resolve };
    });
    return {
      previous,
      settle(holders) {
        links.forEach(({ link, resolve }, index) => {
          link.settled = holders[index] ?? null;
          resolve(link.settled);
        });
      },
    };
  }

  /** Forgets the entries of batches up to `batch` that no later row replaced. */
  release(batch: number): void {
    for (const [key, link] of this.links) {
      if (link.batch > batch) continue;
      if (this.remember && link.settled) this.remembered.add(keyHash(key));
      this.links.delete(key);
    }
  }

  get size(): number {
    return this.links.size;
  }
}

/** 52 bits of a key's SHA-1: a false match is a chance in about 10^15 per pair. */
function keyHash(key: string): number {
  const digest = createHash('sha1').update(key).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4);
}
