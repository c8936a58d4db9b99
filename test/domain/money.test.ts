import { MoneyFormatError, divideHalfEven, formatMoney, multiplyMoney, parseMoney, percentOfMoney, sumMoney } from '../../src/domain/money';

describe('exact money', () => {
  it.each([
    ['1250', 125000n],
    ['1250.5', 125050n],
    ['1250.50', 125050n],
    ['0.01', 1n],
    ['-3.10', -310n],
    [' 7.25 ', 725n],
  ])('parses %j into cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each(['1.234', '1e3', '1,50', '01.00', '.5', '', 'abc', '1.', '--1'])(
    'refuses %j: not an amount with at most two decimals',
    (text) => {
      expect(() => parseMoney(text)).toThrow(MoneyFormatError);
    },
  );

  it.each([
    [125050n, '1250.50'],
    [5n, '0.05'],
    [0n, '0.00'],
    [-5n, '-0.05'],
    [-125000n, '-1250.00'],
  ])('formats %p cents with exactly two decimals', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('keeps amounts beyond 2^53 cents exact', () => {
    const text = '123456789012345678.99';
    expect(formatMoney(parseMoney(text))).toBe(text);
    expect(formatMoney(parseMoney(text) + 1n)).toBe('123456789012345679.00');
  });

  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [10n, 4n, 2n],
    [11n, 4n, 3n],
    [9n, 4n, 2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('rounds %p / %p half to even (%p)', (numerator, denominator, expected) => {
    expect(divideHalfEven(numerator, denominator)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });

  it.each([
    ['10.00', '0.125', '1.25'],
    ['0.10', '0.125', '0.01'],
    ['0.30', '0.125', '0.04'],
    ['0.50', '0.5', '0.25'],
    ['0.05', '0.5', '0.02'],
    ['0.15', '0.5', '0.08'],
    ['1249.00', '3', '3747.00'],
    ['19.99', '1.0825', '21.64'],
  ])('multiplies %s by %s exactly, rounding half-even to the cent (%s)', (amount, factor, expected) => {
    expect(formatMoney(multiplyMoney(parseMoney(amount), factor))).toBe(expected);
  });

  it('computes 0.1 + 0.2 as exactly 0.30 (no floating point anywhere)', () => {
    expect(formatMoney(sumMoney([parseMoney('0.1'), parseMoney('0.2')]))).toBe('0.30');
  });

  it.each([
    ['125000.00', 35, '43750.00'],
    ['0.05', 50, '0.02'],
    ['0.15', 50, '0.08'],
    ['999.99', 0, '0.00'],
    ['999.99', 100, '999.99'],
  ])('takes %s × %p %% rounded half-even (%s)', (amount, percent, expected) => {
    expect(formatMoney(percentOfMoney(parseMoney(amount), percent))).toBe(expected);
  });

  it('refuses a factor that is not a plain decimal', () => {
    expect(() => multiplyMoney(100n, '1e2')).toThrow(MoneyFormatError);
  });
});
