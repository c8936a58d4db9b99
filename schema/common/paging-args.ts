import { MAX_PAGE_SIZE } from '../../projections/pagination';
import { badInput } from '../errors';

/** Checks a page size: 0 to MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw badInput('first', `must be from 0 to ${MAX_PAGE_SIZE}`);
  return size;
}
