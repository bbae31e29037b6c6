import { describe, expect, it } from 'vitest';
import type { Orm } from './database.js';
import { scheduleHousekeeping, type HousekeepingTimers } from './housekeeping.js';

/** Timers the test fires by hand: no waiting, no clock. */
function manualTimers() {
  const ticks = new Map<number, () => void>();
  const lines: string[] = [];
  let next = 0;
  const timers: HousekeepingTimers = {
    setInterval: (run) => {
      ticks.set(++next, run);
      return next;
    },
    clearInterval: (handle) => ticks.delete(handle as number),
    now: () => new Date('2027-01-01T03:00:00Z'),
    log: (line) => lines.push(line),
  };
  return { timers, lines, fire: () => [...ticks.values()].forEach((run) => run()), scheduled: () => ticks.size };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const orm = {} as Orm;

describe('scheduleHousekeeping', () => {
  it('runs each job on its tick with the clock, logs what it says, and stops', async () => {
    const { timers, lines, fire, scheduled } = manualTimers();
    const seen: Date[] = [];
    const stop = scheduleHousekeeping(
      'pupils',
      [{ name: 'audit purge', everyMs: 86_400_000, run: async (_orm, now) => (seen.push(now), '3 events removed') }],
      orm,
      timers,
    );
    expect(seen).toEqual([]);
    fire();
    await settle();
    expect(seen).toEqual([new Date('2027-01-01T03:00:00Z')]);
    expect(lines).toEqual(['[pupils] audit purge: 3 events removed']);
    stop();
    expect(scheduled()).toBe(0);
  });

  it('never overlaps a run still going, and a failing run is logged and tried again', async () => {
    const { timers, lines, fire } = manualTimers();
    let calls = 0;
    let release: () => void = () => {};
    scheduleHousekeeping(
      'destinations',
      [
        {
          name: 'retention',
          everyMs: 1000,
          run: () => {
            calls += 1;
            if (calls === 1) return new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
            return Promise.reject(new Error('database away'));
          },
        },
      ],
      orm,
      timers,
    );
    fire();
    fire();
    await settle();
    expect(calls).toBe(1);
    release();
    await settle();
    fire();
    await settle();
    expect(calls).toBe(2);
    expect(lines).toEqual(['[destinations] retention failed, will try again: database away']);
    fire();
    await settle();
    expect(calls).toBe(3);
  });
});
