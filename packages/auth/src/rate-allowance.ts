/**
 * An API key's allowance: a token bucket holding up to `burst` requests, refilled continuously at
 * `perMinute` a minute. The gateway's settings; identity keeps each key's bucket in its database,
 * so every gateway replica draws on the one bucket (docs/security.md, "Limits per key").
 */
export interface RateAllowance {
  perMinute: number;
  burst: number;
}

/** Whether one more request fits a key's allowance now; if not, how long until it would. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Reads a rate decision off the wire; null when `value` is not one. */
export function rateDecisionOf(value: unknown): RateDecision | null {
  if (typeof value !== 'object' || value === null) return null;
  const { allowed, retryAfterSeconds } = value as { allowed?: unknown; retryAfterSeconds?: unknown };
  if (allowed === true) return { allowed: true };
  if (allowed === false && Number.isInteger(retryAfterSeconds) && (retryAfterSeconds as number) >= 1)
    return { allowed: false, retryAfterSeconds: retryAfterSeconds as number };
  return null;
}

/** Reads an allowance off the wire; null when `value` is not one. */
export function rateAllowanceOf(value: unknown): RateAllowance | null {
  if (typeof value !== 'object' || value === null) return null;
  const { perMinute, burst } = value as { perMinute?: unknown; burst?: unknown };
  if (typeof perMinute !== 'number' || !(perMinute > 0) || !Number.isFinite(perMinute)) return null;
  if (!Number.isInteger(burst) || (burst as number) < 1) return null;
  return { perMinute, burst: burst as number };
}
