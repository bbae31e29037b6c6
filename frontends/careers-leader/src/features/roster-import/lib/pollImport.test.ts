import { describe, expect, it, vi } from 'vitest';
import type { RosterImportProgress } from '../graphql/rosterImport';
import { pollUntilSettled, sleep } from './pollImport';

const at = (processedRows: number, status: RosterImportProgress['status'] = 'COMMITTING'): RosterImportProgress => ({
  id: 'imp-1',
  status,
  totalRows: 100,
  processedRows,
  committedAt: status === 'COMMITTED' ? '2026-11-23T10:00:00.000Z' : null,
  failureMessage: status === 'FAILED' ? 'Row 40: the database refused it' : null,
});

/** A fetch that answers from a script: each entry is a progress or an error to throw. */
function scripted(answers: (RosterImportProgress | null | Error)[]) {
  const calls: string[] = [];
  const fetchProgress = vi.fn(async (id: string) => {
    calls.push(id);
    const next = answers.shift();
    if (next instanceof Error) throw next;
    if (next === undefined) throw new Error('asked too often');
    return next;
  });
  return { fetchProgress, calls };
}

describe('pollUntilSettled', () => {
  it('reports every answer and stops at COMMITTED, waiting the interval between looks', async () => {
    const { fetchProgress } = scripted([at(0), at(40), at(100, 'COMMITTED')]);
    const seen: number[] = [];
    const waits: number[] = [];
    const result = await pollUntilSettled({
      id: 'imp-1',
      fetchProgress,
      onProgress: (progress) => seen.push(progress.processedRows),
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result.status).toBe('COMMITTED');
    expect(seen).toEqual([0, 40, 100]);
    expect(waits).toEqual([500, 500]);
    expect(fetchProgress).toHaveBeenCalledWith('imp-1');
  });

  it('stops at FAILED and hands back the failure message', async () => {
    const { fetchProgress } = scripted([at(10), at(40, 'FAILED')]);
    const result = await pollUntilSettled({ id: 'imp-1', fetchProgress, onProgress: () => {}, sleep: async () => {} });
    expect(result).toMatchObject({ status: 'FAILED', failureMessage: 'Row 40: the database refused it' });
  });

  it('rides out a few failed look-ups, backing off, without reporting them as progress', async () => {
    const { fetchProgress } = scripted([at(10), new Error('network'), new Error('network'), at(100, 'COMMITTED')]);
    const waits: number[] = [];
    const seen: number[] = [];
    const result = await pollUntilSettled({
      id: 'imp-1',
      fetchProgress,
      onProgress: (progress) => seen.push(progress.processedRows),
      intervalMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result.status).toBe('COMMITTED');
    expect(seen).toEqual([10, 100]);
    expect(waits).toEqual([100, 200, 300]);
  });

  it('gives up after too many failures in a row with the last error', async () => {
    const { fetchProgress } = scripted([new Error('one'), new Error('two'), new Error('three')]);
    await expect(pollUntilSettled({ id: 'imp-1', fetchProgress, onProgress: () => {}, maxFailures: 3, sleep: async () => {} })).rejects.toThrow('three');
    expect(fetchProgress).toHaveBeenCalledTimes(3);
  });

  it('says so when the import is not found', async () => {
    const { fetchProgress } = scripted([null]);
    await expect(pollUntilSettled({ id: 'imp-1', fetchProgress, onProgress: () => {}, sleep: async () => {} })).rejects.toThrow(/no longer knows this import/);
  });

  it('stops when aborted, mid-wait, with an AbortError', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const { fetchProgress } = scripted([at(10), at(20)]);
      const polling = pollUntilSettled({ id: 'imp-1', fetchProgress, onProgress: () => {}, signal: controller.signal });
      const outcome = polling.catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(100);
      controller.abort();
      const error = (await outcome) as DOMException;
      expect(error.name).toBe('AbortError');
      expect(fetchProgress).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('really waits between looks with the default sleep', async () => {
    vi.useFakeTimers();
    try {
      const { fetchProgress } = scripted([at(10), at(100, 'COMMITTED')]);
      const polling = pollUntilSettled({ id: 'imp-1', fetchProgress, onProgress: () => {} });
      await vi.advanceTimersByTimeAsync(499);
      expect(fetchProgress).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(polling).resolves.toMatchObject({ status: 'COMMITTED' });
      expect(fetchProgress).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('sleep', () => {
  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(1000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
