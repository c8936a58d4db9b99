import { v7 as uuidv7 } from 'uuid';

/** Where new ids come from: UUID v7 (time-ordered) in production, a counter in tests. */
export interface IdGenerator {
  next(): string;
}

export const uuidV7Ids: IdGenerator = { next: () => uuidv7() };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID string (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
