import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('a token bucket per API key', () => {
  it('allows a burst, then refuses with the seconds until the next token, and refills at the rate', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets({ perMinute: 30, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    // 30 a minute: one token every 2 seconds.
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 1_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    // Idle for a long time: full again, never more than the burst.
    now += 3_600_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps each key apart: one key over its rate does not slow another', () => {
    const now = 5_000;
    const buckets = new TokenBuckets({ perMinute: 1, burst: 2 }, () => now);
    expect([buckets.take('a').allowed, buckets.take('a').allowed, buckets.take('a').allowed]).toEqual([true, true, false]);
    expect(buckets.take('b').allowed).toBe(true);
    const refused = buckets.take('a');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBe(60);
  });
});
