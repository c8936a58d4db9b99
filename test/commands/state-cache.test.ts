import { StateCache } from '../../src/commands/state-cache';

const entry = (version: number) => ({ state: { version }, version, lastPosition: version, evolve: null });

describe('StateCache', () => {
  it('stays within an eighth over its capacity and evicts the least recently used streams first', () => {
    const cache = new StateCache(80);
    for (let index = 0; index < 1000; index += 1) {
      cache.set(`contact-${index}`, entry(index));
      // One early stream is used all along: it must survive every eviction.
      if (index % 10 === 0) cache.get('contact-0');
      expect(cache.size).toBeLessThanOrEqual(90);
    }
    expect(cache.get('contact-0')?.version).toBe(0);
    expect(cache.get('contact-999')?.version).toBe(999);
    expect(cache.get('contact-500')).toBeUndefined();
    expect(cache.size).toBeGreaterThanOrEqual(80);
  });

  it('caches nothing with no capacity', () => {
    const cache = new StateCache(0);
    cache.set('contact-1', entry(1));
    expect(cache.get('contact-1')).toBeUndefined();
  });
});
