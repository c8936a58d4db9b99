import { LruMap } from '../../src/shared/lru-map';

describe('LruMap', () => {
  it('stays within an eighth over its capacity and forgets the least recently used entries first', () => {
    const evicted: string[] = [];
    const map = new LruMap<string, number>(80, (key) => evicted.push(key));
    for (let index = 0; index < 1000; index += 1) {
      map.set(`stream-${index}`, index);
      // One early entry is read all along: it must survive every eviction.
      if (index % 10 === 0) expect(map.get('stream-0')).toBe(0);
      expect(map.size).toBeLessThanOrEqual(90);
    }
    expect(map.get('stream-999')).toBe(999);
    expect(map.get('stream-500')).toBeUndefined();
    expect(map.size).toBeGreaterThanOrEqual(80);
    expect(evicted).not.toContain('stream-0');
    expect(evicted).toContain('stream-1');
    expect(evicted.length + map.size).toBe(1000);
  });

  it('keeps entries that were written again, and does not count a peek as a use', () => {
    const map = new LruMap<string, string>(8);
    for (let index = 0; index < 8; index += 1) map.set(`k${index}`, 'first');
    map.set('k0', 'second');
    map.peek('k1');
    for (let index = 8; index < 10; index += 1) map.set(`k${index}`, 'first');
    expect(map.peek('k0')).toBe('second');
    expect(map.peek('k1')).toBeUndefined();
    expect([...map.entries()].map(([key]) => key)).toEqual(['k0', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']);
  });

  it('holds nothing with no capacity', () => {
    const map = new LruMap<string, number>(0);
    map.set('k', 1);
    expect(map.get('k')).toBeUndefined();
  });
});
