import { toCsv, type CsvValue } from '@waymark/domain';
import { points, pointsMoved, pointsMovedText } from '../../self-evaluation/lib/snapshots';
import type { TrustSelfEvaluation, TrustSelfEvaluationSchool } from '../graphql/trustSelfEvaluation';

type Score = TrustSelfEvaluationSchool['scores'][number];
export type Reading = Score['reading'];

/** A school's line in the side-by-side. */
export interface SideRow {
  key: string;
  name: string;
  lastSnapshotOn: string | null;
  scores: Score[];
}

/** What the table can be ordered by: the school's name, the day of its last snapshot, or a benchmark's score (1–8). */
export type SortColumn = 'school' | 'snapshot' | number;
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: Sort = { column: 'school', direction: 'ascending' };

/** The reading in words with a symbol, so that it never rests on colour alone. */
export const READING_MARKS: Record<Reading, { word: string; symbol: string; tag: string }> = {
  GREEN: { word: 'Green', symbol: '●', tag: 'wm-tag wm-tag--met' },
  AMBER: { word: 'Amber', symbol: '◐', tag: 'wm-tag wm-tag--progress' },
  RED: { word: 'Red', symbol: '○', tag: 'wm-tag wm-tag--not-met' },
};

/** Whole percentage points, as scores are shown (the school's own self-evaluation page's `points`). */
export { points };

export function rowsOf(side: TrustSelfEvaluation): SideRow[] {
  return side.schools.map((row, index) => ({
    key: row.school?.id ?? `school-${index}`,
    name: row.school?.name ?? 'A school of the trust',
    lastSnapshotOn: row.lastSnapshotOn ?? null,
    scores: row.scores,
  }));
}

export const scoreOf = (row: SideRow, benchmark: number): Score | undefined => row.scores.find((s) => s.benchmark === benchmark);

/** A column's first order when chosen: names A to Z, everything else highest (or latest) first. */
export const firstDirection = (column: SortColumn): SortDirection => (column === 'school' ? 'ascending' : 'descending');

/** Choosing the sorted column again reverses it; choosing another starts it in its first order. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: firstDirection(column) };
}

const byName = (a: SideRow, b: SideRow) => a.name.localeCompare(b.name, 'en-GB');

/** The rows in the chosen order; ties by name, and a school with no snapshot last whichever way the snapshot column runs. */
export function sortRows(rows: readonly SideRow[], sort: Sort): SideRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'school') return sign * byName(a, b);
    if (sort.column === 'snapshot') {
      if (a.lastSnapshotOn === b.lastSnapshotOn) return byName(a, b);
      if (a.lastSnapshotOn === null) return 1;
      if (b.lastSnapshotOn === null) return -1;
      return sign * a.lastSnapshotOn.localeCompare(b.lastSnapshotOn);
    }
    const difference = (scoreOf(a, sort.column)?.score ?? 0) - (scoreOf(b, sort.column)?.score ?? 0);
    return sign * difference || byName(a, b);
  });
}

/**
 * How a score has moved since the school's last snapshot, in whole points as the school's own page says it:
 * "+8 points", "−5 points", "No change"; "No snapshot" when the school has none, "Not shown" when withheld.
 */
export function changeText(row: SideRow, score: Score): string {
  if (row.lastSnapshotOn === null) return 'No snapshot';
  if (score.change == null) return 'Not shown';
  const change = pointsMoved(score.score, score.score - score.change);
  return change === 0 ? 'No change' : pointsMovedText(change);
}

/** The side-by-side as a spreadsheet, in the order shown: per benchmark its score, reading and change. */
export function sideBySideCsv(rows: readonly SideRow[], benchmarks: readonly number[]): string {
  const header = ['School', 'Last snapshot', ...benchmarks.flatMap((b) => [`B${b} score %`, `B${b} reading`, `B${b} change since snapshot (points)`])];
  const lines = rows.map((row): CsvValue[] => [
    row.name,
    row.lastSnapshotOn ?? '',
    ...benchmarks.flatMap((b): CsvValue[] => {
      const score = scoreOf(row, b);
      if (!score) return ['', '', ''];
      const change = row.lastSnapshotOn === null || score.change == null ? '' : pointsMoved(score.score, score.score - score.change);
      return [points(score.score), READING_MARKS[score.reading].word, change];
    }),
  ]);
  return toCsv([header, ...lines]);
}
