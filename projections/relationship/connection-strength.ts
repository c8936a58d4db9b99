import type { ConnectionRow } from './relationship.queries';

/** The most each part of a connection's strength can give: they add up to 100. */
export const STRENGTH_POINTS = { interactions: 50, recency: 30, twoWay: 20 } as const;
/** Interactions that earn the full interaction points. */
export const FULL_INTERACTIONS = 10;
/** Days after the last interaction at which the recency points are 0. */
export const STRENGTH_SILENCE_DAYS = 180;

const MS_PER_DAY = 86_400_000;

/**
 * How well a user knows a contact as of `now`, 0–100 (one decimal): 50 × min(1, interactions / 10)
 * + 30 × (1 − days since the last interaction / 180, at least 0) + 20 × two-way balance (1 when at least as
 * many interactions came from them as from us, appointments counting for both sides).
 */
export function connectionStrength(connection: Omit<ConnectionRow, 'contactId' | 'userId'>, now: Date): number {
  const volume = STRENGTH_POINTS.interactions * Math.min(1, connection.interactions / FULL_INTERACTIONS);
  const days = Math.max(0, (now.getTime() - Date.parse(connection.lastInteractionAt)) / MS_PER_DAY);
  const recency = STRENGTH_POINTS.recency * Math.max(0, 1 - days / STRENGTH_SILENCE_DAYS);
  const directed = connection.fromUs + connection.fromThem;
  const twoWay = directed === 0 ? 0 : STRENGTH_POINTS.twoWay * Math.min(1, (2 * connection.fromThem) / directed);
  return Math.round((volume + recency + twoWay) * 10) / 10;
}

/** The connections strongest first (then the more interactions, the more recent, the user id), the first `first`. */
export function rankConnections<C extends ConnectionRow>(
  connections: readonly C[],
  now: Date,
  first: number,
): (C & { strength: number })[] {
  return connections
    .map((connection) => ({ ...connection, strength: connectionStrength(connection, now) }))
    .sort(
      (a, b) =>
        b.strength - a.strength ||
        b.interactions - a.interactions ||
        b.lastInteractionAt.localeCompare(a.lastInteractionAt) ||
        a.userId.localeCompare(b.userId),
    )
    .slice(0, Math.max(0, first));
}
