import { formatDay } from '@waymark/domain';
import type { SelfEvaluationSnapshot } from '../graphql/self-evaluation';

/** Whole percentage points, as the page shows scores. */
export const points = (score: number) => Math.round(score * 100);

/** How many whole points a score moved from `then` to `now`, counted on the points shown (not the raw scores). */
export const pointsMoved = (now: number, then: number) => points(now) - points(then);

/** A move of whole points with its sign: "+8 points", "−5 points", "+1 point" (a move of 0 is the caller's to word). */
export function pointsMovedText(change: number): string {
  const size = Math.abs(change);
  return `${change > 0 ? '+' : '−'}${size} ${size === 1 ? 'point' : 'points'}`;
}

/** The day of a snapshot for a sentence: "31 Mar 2027". */
export const snapshotDay = (snapshot: Pick<SelfEvaluationSnapshot, 'takenOn'>) => formatDay(snapshot.takenOn, 'medium');

/** The latest snapshot (the list comes oldest first), or null when none was kept yet. */
export function latestSnapshot<S extends Pick<SelfEvaluationSnapshot, 'takenOn'>>(snapshots: readonly S[]): S | null {
  return snapshots.length > 0 ? snapshots[snapshots.length - 1] : null;
}

/**
 * How a benchmark's score has moved since a snapshot, in words: "+8 points since 31 Mar 2027",
 * "−5 points since …", "No change since …", or "No snapshot yet".
 */
export function changeSince(benchmark: number, score: number, snapshot: Pick<SelfEvaluationSnapshot, 'takenOn' | 'scores'> | null): string {
  if (!snapshot) return 'No snapshot yet';
  const then = snapshot.scores.find((s) => s.benchmark === benchmark);
  if (!then) return 'Not in the last snapshot';
  const change = pointsMoved(score, then.score);
  const day = snapshotDay(snapshot);
  return change === 0 ? `No change since ${day}` : `${pointsMovedText(change)} since ${day}`;
}

export const KIND_LABELS: Record<SelfEvaluationSnapshot['kind'], string> = {
  SCHEDULED: 'End of term',
  ON_DEMAND: 'Taken by hand',
};

/** One benchmark's scores across the snapshots kept (oldest first), for the trend. */
export interface TrendRow {
  benchmark: number;
  name: string;
  /** One per snapshot, in the snapshots' order; null when that snapshot does not have the benchmark. */
  scores: (number | null)[];
}

export function trendRows(
  benchmarks: readonly { benchmark: number; name: string }[],
  snapshots: readonly Pick<SelfEvaluationSnapshot, 'scores'>[],
): TrendRow[] {
  return benchmarks.map((b) => ({
    benchmark: b.benchmark,
    name: b.name,
    scores: snapshots.map((s) => s.scores.find((x) => x.benchmark === b.benchmark)?.score ?? null),
  }));
}
