export interface BackoffPolicy {
  /** The wait before the first restart. */
  initialMs: number;
  /** Each further crash doubles the wait, up to this. */
  maxMs: number;
  /** A process that ran this long before it crashed is healthy again: its next wait starts over. */
  resetAfterMs: number;
}

/**
 * Half a second lets a one-off crash (an out-of-memory kill, a stray signal) come back before anyone
 * notices; doubling to half a minute keeps a service that dies on start (a bad migration, a port in
 * use) from filling the log and taking the cores the others need; a minute up means the cause has
 * passed.
 */
export const RESTART_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** The waits before restarting one process, each time it crashes. */
export class RestartBackoff {
  private nextMs: number;

  constructor(private readonly policy: BackoffPolicy = RESTART_BACKOFF) {
    this.nextMs = policy.initialMs;
  }

  /** The wait before restarting a process that crashed after running for `upMs`. */
  delayAfter(upMs: number): number {
    if (upMs >= this.policy.resetAfterMs) this.nextMs = this.policy.initialMs;
    const delay = this.nextMs;
    this.nextMs = Math.min(this.nextMs * 2, this.policy.maxMs);
    return delay;
  }
}

/** "0.5 s", "1 s", "30 s": as the log says it. */
export function formatDelay(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** "exit code 1" or "exit signal SIGKILL": how a process ended, for the log. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `exit signal ${signal}` : `exit code ${code}`;
}
