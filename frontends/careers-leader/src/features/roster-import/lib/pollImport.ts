import type { RosterImportProgress } from '../graphql/rosterImport';

export interface PollOptions {
  id: string;
  /** One look at the import (`rosterImport(id)`); null when it is not found. */
  fetchProgress: (id: string) => Promise<RosterImportProgress | null>;
  /** Called with every answer, so the progress bar moves. */
  onProgress: (progress: RosterImportProgress) => void;
  intervalMs?: number;
  /** Failed look-ups in a row before giving up (the import itself carries on on the server). */
  maxFailures?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const POLL_INTERVAL_MS = 500;

export function isSettled(progress: Pick<RosterImportProgress, 'status'>): boolean {
  return progress.status === 'COMMITTED' || progress.status === 'FAILED';
}

function abortError(): DOMException {
  return new DOMException('Stopped following the import', 'AbortError');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Asks for the import's progress every `intervalMs` until it is COMMITTED or FAILED and resolves
 * with that last answer. A failed look-up is retried, waiting a little longer each time; after
 * `maxFailures` in a row the last error is thrown. Aborting the signal stops it with an AbortError.
 */
export async function pollUntilSettled({
  id,
  fetchProgress,
  onProgress,
  intervalMs = POLL_INTERVAL_MS,
  maxFailures = 5,
  signal,
  sleep: wait = sleep,
}: PollOptions): Promise<RosterImportProgress> {
  let failures = 0;
  for (;;) {
    if (signal?.aborted) throw abortError();
    let progress: RosterImportProgress | null;
    try {
      progress = await fetchProgress(id);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      failures += 1;
      if (failures >= maxFailures) throw error;
      await wait(intervalMs * (failures + 1), signal);
      continue;
    }
    failures = 0;
    if (!progress) throw new Error('Waymark no longer knows this import. Check the pupils list before importing the file again.');
    onProgress(progress);
    if (isSettled(progress)) return progress;
    await wait(intervalMs, signal);
  }
}
