import { toCsv } from '@waymark/domain';
import { STATE_LABELS, type BenchmarkMeasure } from '../../../shared/benchmarks';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';
import type { GapRow } from '../graphql/dashboard';

export const GAP_CSV_HEADER = ['Pupil', 'UPN', 'Year group', 'Tutor group', 'State', 'Detail'] as const;

/**
 * The gap list as a CSV file's text. It starts with a byte-order mark so Excel reads names with
 * accents correctly; every cell goes through the shared writer, so no name can become a formula.
 */
export function gapListCsv(rows: readonly GapRow[]): string {
  return (
    '\uFEFF' +
    toCsv([
      GAP_CSV_HEADER,
      ...rows.map((row) => [
        row.pupil?.displayName ?? 'Pupil not available',
        row.pupil?.upn ?? '',
        row.yearGroup,
        row.pupil?.tutorGroup ?? '',
        STATE_LABELS[row.state] ?? row.state,
        row.detail,
      ]),
    ])
  );
}

/** E.g. `gaps-b6-by-16-year-10-eal-2026-03-04.csv`. */
export function gapListFileName(
  query: { measure: BenchmarkMeasure; yearGroup: number | null; group: VulnerableGroup | null; asOf: string | null },
  today: string,
): string {
  const parts = ['gaps', query.measure, query.yearGroup != null ? `year-${query.yearGroup}` : null, query.group, query.asOf ?? today];
  return `${parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')}.csv`;
}
