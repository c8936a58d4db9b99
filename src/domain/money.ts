/**
 * Exact money arithmetic. Amounts are integer minor units (cents) in a `bigint`, and travel as decimal strings
 * with two decimals ("1250.50"): no amount ever passes through a floating-point number. Where an amount is
 * computed (a share, a rate), the result is rounded half-even (banker's rounding) to the cent.
 */

/** An amount in minor units (1/100 of the currency unit). */
export type Cents = bigint;

const AMOUNT = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/u;
const FACTOR = /^(-?)([0-9]+)(?:\.([0-9]+))?$/u;

/** A text that is not an amount with at most two decimals, or a factor that is not a plain decimal. */
export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/** "1250.5" → 125050n. Refuses more than two decimals, exponents, separators and anything but a plain decimal. */
export function parseMoney(text: string): Cents {
  const match = AMOUNT.exec(text.trim());
  if (!match) throw new MoneyFormatError(`"${text.slice(0, 40)}" is not an amount with at most two decimals, such as "1250.00"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** 125050n → "1250.50": always two decimals, a minus sign for negative amounts, no grouping. */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const whole = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()}.${fraction}`;
}

/** numerator / denominator rounded to the nearest integer, halves to the even neighbour (1.5 → 2, 2.5 → 2, −2.5 → −2). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** amount × factor, where the factor is an exact decimal text ("3", "0.15", "1.0825"), rounded half-even to the cent. */
export function multiplyMoney(amount: Cents, factor: string): Cents {
  const match = FACTOR.exec(factor.trim());
  if (!match) throw new MoneyFormatError(`"${factor.slice(0, 40)}" is not a decimal factor such as "0.15"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const scaled = BigInt(`${whole}${fraction}`) * (sign === '-' ? -1n : 1n);
  return divideHalfEven(amount * scaled, 10n ** BigInt(fraction.length));
}

/** The given percentage of an amount (e.g. 35 % of a revenue), rounded half-even to the cent. */
export function percentOfMoney(amount: Cents, percent: number): Cents {
  if (!Number.isSafeInteger(percent)) throw new RangeError(`A percentage must be a whole number (got ${percent})`);
  return divideHalfEven(amount * BigInt(percent), 100n);
}

/** The sum of the amounts (0 for none). */
export function sumMoney(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + amount, 0n);
}
