import { RosterImport, RosterImportStatus } from './roster-import.entity.js';
import type { RosterRow } from './roster-validate.js';

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

interface Previewed {
  rows: RosterRow[];
  protectedUpns: string[];
  at: number;
}

/**
 * The rows of the latest previews made by this process, so that a commit here need not read them
 * back from the database (a 25,000-row file is 2 MB of JSON to fetch and parse). The database holds
 * the same rows and stays the source: a commit on another replica, after a restart, or of a preview
 * this cache has let go reads them from there.
 */
export class PreviewedRows {
  private readonly entries = new Map<string, Previewed>();

  constructor(
    /** Rows kept at most, over all previews (the oldest go first). */
    private readonly maxRows = 100_000,
    private readonly maxAgeMs = 15 * 60_000,
  ) {}

  keep(id: string, rows: RosterRow[], protectedUpns: string[], now = Date.now()): void {
    if (rows.length > this.maxRows) return;
    this.entries.set(id, { rows, protectedUpns, at: now });
    let total = 0;
    for (const entry of this.entries.values()) total += entry.rows.length;
    for (const [key, entry] of this.entries) {
      if (total <= this.maxRows && now - entry.at <= this.maxAgeMs) continue;
      this.entries.delete(key);
      total -= entry.rows.length;
    }
  }

  /** The preview's rows, if this process still has them; a commit takes them once. */
  take(id: string, now = Date.now()): Omit<Previewed, 'at'> | null {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    return entry && now - entry.at <= this.maxAgeMs ? entry : null;
  }
}

export const previewedRows = new PreviewedRows();
