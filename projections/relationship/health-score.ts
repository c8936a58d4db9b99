/**
 * The relationship health score: 0–100, computed as of a day from the daily buckets. See docs/analytics.md for
 * the formula in words; `healthKeySql` in relationship.queries.ts computes the same number in SQL for ordering.
 */

export type HealthLevelName = 'GOOD' | 'FAIR' | 'POOR';
export type TrendName = 'IMPROVING' | 'STEADY' | 'DECLINING';

export interface HealthSettings {
  /** Points per interaction of each type (tasks are not interactions). */
  readonly weights: { readonly email: number; readonly phoneCall: number; readonly appointment: number };
  /** Weighted interactions expected every 30 days for full activity points. */
  readonly expectedPer30Days: number;
  /** Days of activity the score looks back on; an interaction's weight falls linearly to 0 over them. */
  readonly windowDays: number;
  /** Days of silence after which the recency points are 0 (at most `windowDays`). */
  readonly silenceDays: number;
  /** Lowest score of each level: GOOD from `good`, FAIR from `fair`, POOR below. */
  readonly levels: { readonly good: number; readonly fair: number };
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  weights: { email: 1, phoneCall: 2, appointment: 4 },
  expectedPer30Days: 8,
  windowDays: 90,
  silenceDays: 60,
  levels: { good: 60, fair: 40 },
};

/** The most each part of the score can give: they add up to 100. */
export const MAX_POINTS = { activity: 60, recency: 25, reciprocity: 15 } as const;

/** Days the trend compares: the last 30 against the 30 before. */
export const TREND_DAYS = 30;
/** Change in weighted activity (as a fraction of the earlier period) below which the trend is STEADY. */
export const TREND_TOLERANCE = 0.25;

/** What the score is computed from, as the buckets give it for one subject and one day. */
export interface HealthInputs {
  /** Whether there was ever an e-mail, call or appointment up to today: no score without one. */
  readonly everInteracted: boolean;
  /** Σ over the window of weight × (windowDays − age in days) / windowDays. */
  readonly engagement: number;
  /** Days since the last day with an interaction (0: today), within the window; null when none. */
  readonly daysSinceLastInteraction: number | null;
  /** Interactions in the window started by us (outgoing e-mails and calls, appointments) and by them. */
  readonly fromUs: number;
  readonly fromThem: number;
  /** Weighted interactions (no decay) in the last 30 days and in the 30 days before. */
  readonly recentPoints: number;
  readonly previousPoints: number;
}

export interface HealthFactorFigure {
  readonly name: string;
  readonly impact: number;
}

export interface Health {
  readonly score: number | null;
  /** The unrounded score (what lists are ordered by); null with the score. */
  readonly exactScore: number | null;
  readonly level: HealthLevelName | null;
  readonly trend: TrendName | null;
  readonly factors: readonly HealthFactorFigure[];
}

/** The weighted interactions that a steady pace of `expectedPer30Days` leaves in the decaying window. */
export function engagementTarget(settings: HealthSettings): number {
  return (settings.expectedPer30Days * (settings.windowDays + 1)) / 60;
}

export function activityPoints(inputs: HealthInputs, settings: HealthSettings): number {
  return MAX_POINTS.activity * Math.min(1, inputs.engagement / engagementTarget(settings));
}

export function recencyPoints(inputs: HealthInputs, settings: HealthSettings): number {
  const days = inputs.daysSinceLastInteraction;
  if (days === null || days >= settings.silenceDays) return 0;
  return MAX_POINTS.recency * (1 - days / settings.silenceDays);
}

/** Full points when at least half of the interactions come from them; none when all come from us. */
export function reciprocityPoints(inputs: HealthInputs): number {
  const total = inputs.fromUs + inputs.fromThem;
  if (total === 0) return 0;
  return MAX_POINTS.reciprocity * Math.min(1, (2 * inputs.fromThem) / total);
}

export function levelOf(score: number, settings: HealthSettings): HealthLevelName {
  if (score >= settings.levels.good) return 'GOOD';
  if (score >= settings.levels.fair) return 'FAIR';
  return 'POOR';
}

export function trendOf(recent: number, previous: number): TrendName {
  if (recent > previous * (1 + TREND_TOLERANCE) && recent > previous) return 'IMPROVING';
  if (recent < previous * (1 - TREND_TOLERANCE)) return 'DECLINING';
  return 'STEADY';
}

/** The score, its level and trend, and the factors that raised (positive) and lowered (negative) it. */
export function healthOf(inputs: HealthInputs, settings: HealthSettings = DEFAULT_HEALTH_SETTINGS): Health {
  if (!inputs.everInteracted) return { score: null, exactScore: null, level: null, trend: null, factors: [] };
  const activity = activityPoints(inputs, settings);
  const recency = recencyPoints(inputs, settings);
  const reciprocity = reciprocityPoints(inputs);
  const exactScore = activity + recency + reciprocity;
  const score = Math.round(exactScore);
  const silence =
    inputs.daysSinceLastInteraction === null ? `more than ${settings.windowDays} days` : `${inputs.daysSinceLastInteraction} days`;
  const factors: HealthFactorFigure[] = [
    { name: `Activity in the last ${settings.windowDays} days`, impact: activity },
    { name: `Below the expected ${settings.expectedPer30Days} weighted interactions per 30 days`, impact: activity - MAX_POINTS.activity },
    { name: 'Recent contact', impact: recency },
    { name: `Silence since the last contact (${silence})`, impact: recency - MAX_POINTS.recency },
    { name: 'Two-way exchanges', impact: reciprocity },
    { name: 'One-sided: few interactions started by them', impact: reciprocity - MAX_POINTS.reciprocity },
  ];
  return {
    score,
    exactScore,
    level: levelOf(score, settings),
    trend: trendOf(inputs.recentPoints, inputs.previousPoints),
    factors: factors
      .map((factor) => ({ name: factor.name, impact: Math.round(factor.impact * 10) / 10 }))
      .filter((factor) => factor.impact !== 0)
      .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact)),
  };
}

/**
 * Settings from the environment (HEALTH_WEIGHT_EMAIL, HEALTH_WEIGHT_PHONE_CALL, HEALTH_WEIGHT_APPOINTMENT,
 * HEALTH_EXPECTED_PER_30_DAYS, HEALTH_WINDOW_DAYS, HEALTH_SILENCE_DAYS, HEALTH_LEVEL_GOOD, HEALTH_LEVEL_FAIR),
 * each defaulting to DEFAULT_HEALTH_SETTINGS.
 */
export function healthSettingsFrom(env: Readonly<Record<string, string | undefined>>): HealthSettings {
  const number = (name: string, fallback: number, { min = 0, integer = false } = {}): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      throw new Error(`${name} must be a ${integer ? 'whole ' : ''}number of at least ${min}, got "${text}"`);
    }
    return value;
  };
  const defaults = DEFAULT_HEALTH_SETTINGS;
  const windowDays = number('HEALTH_WINDOW_DAYS', defaults.windowDays, { min: 1, integer: true });
  const settings: HealthSettings = {
    weights: {
      email: number('HEALTH_WEIGHT_EMAIL', defaults.weights.email),
      phoneCall: number('HEALTH_WEIGHT_PHONE_CALL', defaults.weights.phoneCall),
      appointment: number('HEALTH_WEIGHT_APPOINTMENT', defaults.weights.appointment),
    },
    expectedPer30Days: number('HEALTH_EXPECTED_PER_30_DAYS', defaults.expectedPer30Days, { min: 0.001 }),
    windowDays,
    silenceDays: number('HEALTH_SILENCE_DAYS', Math.min(defaults.silenceDays, windowDays), { min: 1, integer: true }),
    levels: { good: number('HEALTH_LEVEL_GOOD', defaults.levels.good), fair: number('HEALTH_LEVEL_FAIR', defaults.levels.fair) },
  };
  if (settings.silenceDays > windowDays) throw new Error('HEALTH_SILENCE_DAYS must not exceed HEALTH_WINDOW_DAYS');
  if (settings.levels.fair > settings.levels.good) throw new Error('HEALTH_LEVEL_FAIR must not exceed HEALTH_LEVEL_GOOD');
  return settings;
}
