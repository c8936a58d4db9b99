import { DRY_RUN_RECORD, KeyChain } from '../../../src/import/job/key-chain';

describe('the chain of rows that share a duplicate key', () => {
  it('gives a row the promise of the previous row with its main key', async () => {
    const chain = new KeyChain();
    const first = chain.claim(['e:anna@example.com'], 1);
    const second = chain.claim(['e:anna@example.com'], 1);
    expect(first.previous).toBeNull();
    first.settle([{ id: 'c-1', accountId: null }]);
    await expect(second.previous).resolves.toEqual({ id: 'c-1', accountId: null });
  });

  it('forgets the keys of a batch once it is released, unless a later batch holds them', () => {
    const chain = new KeyChain();
    chain.claim(['e:a', 'p:a'], 1).settle([null, null]);
    chain.claim(['e:b'], 2).settle([null]);
    chain.release(1);
    expect(chain.size).toBe(1);
  });

  it('remembers, in a dry run, the keys released batches left a record under', async () => {
    const chain = new KeyChain(true);
    chain.claim(['e:a'], 1).settle([{ id: DRY_RUN_RECORD, accountId: null }]);
    chain.release(1);
    expect(chain.size).toBe(0);
    await expect(chain.claim(['e:a'], 2).previous).resolves.toEqual({ id: DRY_RUN_RECORD, accountId: null });
    expect(chain.claim(['e:b'], 2).previous).toBeNull();
  });
});
