import type { Orm } from './database.js';

/** Work a subgraph does by itself now and then, such as deleting what its retention rules say has expired. */
export interface HousekeepingJob {
  name: string;
  /** How often it runs; the first run is one interval after start, so starting stays quick. */
  everyMs: number;
  /** Resolves with a line for the log, or undefined when there is nothing to say. */
  run: (orm: Orm, now: Date) => Promise<string | undefined>;
}

export interface HousekeepingTimers {
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  now: () => Date;
  log: (line: string) => void;
}

const realTimers: HousekeepingTimers = {
  setInterval: (run, ms) => {
    const handle = setInterval(run, ms);
    // Housekeeping never keeps a process alive on its own.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  now: () => new Date(),
  log: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Runs each job on its interval. A run never overlaps the one before it (a slow run makes the next
 * tick skip), and a failing run is logged and tried again next time: housekeeping must never stop
 * the subgraph. Returns a function that stops every job.
 */
export function scheduleHousekeeping(service: string, jobs: readonly HousekeepingJob[], orm: Orm, timers: HousekeepingTimers = realTimers): () => void {
  const handles = jobs.map((job) => {
    let running = false;
    return timers.setInterval(() => {
      if (running) return;
      running = true;
      job
        .run(orm, timers.now())
        .then((said) => {
          if (said) timers.log(`[${service}] ${job.name}: ${said}`);
        })
        .catch((error: unknown) => timers.log(`[${service}] ${job.name} failed, will try again: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          running = false;
        });
    }, job.everyMs);
  });
  return () => handles.forEach((handle) => timers.clearInterval(handle));
}
