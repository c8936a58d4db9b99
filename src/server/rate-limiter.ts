/**
 * A token bucket per user: `perMinute` requests a minute on average, bursts up to a tenth of that. Buckets of
 * users who went quiet are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly refillPerMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 10));
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one request from the user's bucket; returns the seconds to wait when it is empty, else 0. */
  take(userId: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (this.buckets.size > 100_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000);
  }

  private forgetIdle(now: number): void {
    for (const [userId, bucket] of this.buckets) if (now - bucket.at > 10 * 60_000) this.buckets.delete(userId);
  }
}
