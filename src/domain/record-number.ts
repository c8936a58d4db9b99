/** The state of a numbers' stream (quote or invoice numbers): the last number given out, 0 before the first. */
export interface NumberSequenceState {
  readonly last: number;
}

export const initialNumberSequence: NumberSequenceState = { last: 0 };

/** A record's number as people read it: the prefix and at least five digits (`QUO-00001`, …, `QUO-123456`). */
export function formatRecordNumber(prefix: 'QUO' | 'INV', number: number): string {
  return `${prefix}-${String(number).padStart(5, '0')}`;
}
