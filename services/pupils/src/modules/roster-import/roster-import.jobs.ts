import { RosterImport, RosterImportStatus } from './roster-import.entity.js';

interface RunningCommit {
  snapshot: RosterImport;
  processedRows: number;
  done: Promise<void>;
}

/**
 * The commits running in this process, with their progress. Progress lives here rather than in the
 * database because the commit is one transaction: rows it writes are invisible until it ends, and on
 * PGlite (one connection) any other statement waits for it. So `rosterImport(id)` answers a running
 * commit from here without touching the database, and the database gets the outcome (COMMITTED with
 * processedRows = totalRows in the same transaction as the data, or FAILED afterwards). On PostgreSQL
 * the commit also writes progress through a second connection, so another replica can show it.
 */
export class RosterImportJobs {
  private readonly running = new Map<string, RunningCommit>();

  /** Registers the commit before it is claimed in the database, so a poll never finds it in neither place. */
  register(snapshot: RosterImport): { progress: (processedRows: number) => void; run: (work: () => Promise<void>) => void; cancel: () => void } {
    const entry: RunningCommit = { snapshot, processedRows: 0, done: Promise.resolve() };
    this.running.set(snapshot.id, entry);
    return {
      progress: (processedRows) => {
        entry.processedRows = Math.max(entry.processedRows, processedRows);
      },
      run: (work) => {
        entry.done = work().finally(() => this.running.delete(snapshot.id));
      },
      cancel: () => this.running.delete(snapshot.id),
    };
  }

  /** The running commit as a client sees it: COMMITTING, with its progress. */
  current(id: string): RosterImport | null {
    const entry = this.running.get(id);
    if (!entry) return null;
    return Object.assign(new RosterImport(), entry.snapshot, { status: RosterImportStatus.COMMITTING, processedRows: entry.processedRows });
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Resolves when the commit (if one runs here) has ended and its outcome is in the database. */
  settled(id: string): Promise<void> {
    return this.running.get(id)?.done ?? Promise.resolve();
  }
}

export const rosterImportJobs = new RosterImportJobs();
