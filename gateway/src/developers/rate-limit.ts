/** What a rate limiter answers for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether an API key may make one more request now. The gateway holds one in memory
 * (`TokenBuckets`); several gateway replicas could share a count instead by putting this interface
 * in front of a shared store (Redis, say) without changing the gateway.
 */
export interface ApiKeyRateLimiter {
  take(keyId: string): Promise<RateDecision> | RateDecision;
}

export interface RateLimitSettings {
  /** Requests refilled per minute, continuously. */
  perMinute: number;
  /** The most requests a key can make at once after being idle. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again: forgetting them changes no answer. */
const MAX_BUCKETS = 100_000;

/**
 * A token bucket per key, in this process: each key holds up to `burst` tokens, refilled at
 * `perMinute / 60` a second; a request takes one, and a key with none waits until one has refilled.
 * `now` is injected so tests hold the clock.
 */
export class TokenBuckets implements ApiKeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = settings.perMinute / 60_000;
  }

  take(keyId: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(keyId);
    const tokens = bucket ? Math.min(this.settings.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs) : this.settings.burst;
    if (tokens >= 1) {
      if (!bucket && this.buckets.size >= MAX_BUCKETS) this.forgetFull(now);
      this.buckets.set(keyId, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(keyId, { tokens, at: now });
    // Rounded up to whole seconds; the small allowance keeps 60.000000001 from reading as 61.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000 - 1e-6)) };
  }

  /** Drops the buckets that have refilled completely (a full bucket and no bucket answer alike). */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.settings.burst) this.buckets.delete(key);
    }
  }
}
