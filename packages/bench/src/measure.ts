export interface Result {
  name: string;
  value: number;
  floor: number;
  ratio: number;
  target: string;
  unit: string;
  pass: boolean;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the durations in ms. */
export async function sample(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

/** Interleaves two measurements so machine noise hits both alike. */
export async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>, rounds: number, warmup: number): Promise<[number[], number[]]> {
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  for (let i = 0; i < rounds; i += 1) {
    left.push(...(await sample(a, 1, 0)));
    right.push(...(await sample(b, 1, 0)));
  }
  return [left, right];
}

/**
 * What a group of scenarios reports when it throws: one FAIL row and a note with where it failed, so
 * one failed group does not take the rest of `npm run bench` with it. `notes` are the group's own so far.
 */
export function groupFailed(label: string, error: unknown, notes: string[] = []): { results: Result[]; notes: string[] } {
  const message = (error as Error)?.stack ?? String(error);
  return {
    results: [{ name: `${label}: the scenarios ran`, value: 0, floor: 1, ratio: 0, target: 'runs', unit: 'runs', pass: false }],
    notes: [...notes, `FAIL ${label}: ${message.split('\n').slice(0, 6).join(' | ')}`],
  };
}
