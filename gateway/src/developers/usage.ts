/** One key's counts since the last flush. */
export interface KeyUsage {
  requests: number;
  errors: number;
  lastUsedAt: Date;
}

/**
 * Counts each API key's requests and errors in memory and hands them, every so often, to `flush`
 * (identity adds them to the key's totals). Counts are added, never set, so several gateways can
 * flush into the same totals. A flush that fails keeps its counts for the next one.
 */
export class UsageCounter {
  private pending = new Map<string, KeyUsage>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly flush: (usage: Map<string, KeyUsage>) => Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(keyId: string, failed: boolean): void {
    const entry = this.pending.get(keyId);
    const now = this.now();
    if (entry) {
      entry.requests += 1;
      if (failed) entry.errors += 1;
      if (now > entry.lastUsedAt) entry.lastUsedAt = now;
    } else {
      this.pending.set(keyId, { requests: 1, errors: failed ? 1 : 0, lastUsedAt: now });
    }
  }

  /** Sends what has been counted (one flush at a time); on failure the counts wait for the next. */
  async flushNow(): Promise<void> {
    if (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flush(batch)
      .catch((error: unknown) => {
        for (const [key, usage] of batch) {
          const later = this.pending.get(key);
          this.pending.set(
            key,
            later
              ? {
                  requests: usage.requests + later.requests,
                  errors: usage.errors + later.errors,
                  lastUsedAt: later.lastUsedAt > usage.lastUsedAt ? later.lastUsedAt : usage.lastUsedAt,
                }
              : usage,
          );
        }
        throw error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    await this.flushing;
  }

  start(everyMs: number, onError: (error: Error) => void): void {
    this.timer = setInterval(() => void this.flushNow().catch(onError), everyMs);
    this.timer.unref();
  }

  /** Stops the timer and sends what is left. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushNow();
  }
}
