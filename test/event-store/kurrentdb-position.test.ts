import { START } from '@kurrent/kurrentdb-client';
import { globalPositionOf, readPositionAfter, toSafeNumber } from '../../src/event-store/kurrentdb/kurrentdb-position';

describe('KurrentDB positions: the $all commit position is the global position', () => {
  it('takes the commit position as the global position', () => {
    expect(globalPositionOf({ commit: 18_446n, prepare: 18_446n }, 'e-1')).toBe(18_446);
  });

  it('refuses an event without a position (servers before 22.6 do not send one on stream reads)', () => {
    expect(() => globalPositionOf(undefined, 'e-1')).toThrow(/without its \$all position/u);
  });

  it('refuses a position beyond Number.MAX_SAFE_INTEGER instead of rounding it', () => {
    const position = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
    expect(() => globalPositionOf({ commit: position, prepare: position }, 'e-1')).toThrow(RangeError);
    expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'x')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads from the start for position 0, and from the event at a position otherwise (the read is inclusive)', () => {
    expect(readPositionAfter(0)).toBe(START);
    expect(readPositionAfter(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
  });

  it.each([-1, 0.5, Number.POSITIVE_INFINITY])('refuses %p as a position to read after', (after) => {
    expect(() => readPositionAfter(after)).toThrow(RangeError);
  });
});
