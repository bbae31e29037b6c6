import { STATE_LABELS, type BenchmarkMeasure } from '../../../shared/benchmarks';
import type { VulnerableGroup } from '../../../shared/vulnerableGroups';
import type { GapRow } from '../graphql/dashboard';

type CsvValue = string | number | null | undefined;

/**
 * One CSV field: quoted when it holds a comma, quote or line break. A field that a spreadsheet would
 * run as a formula (starting =, +, -, @, tab or carriage return) gets a leading apostrophe, so a
 * pupil's name can never become a formula in the careers leader's Excel.
 */
export function csvField(value: CsvValue): string {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with Windows line endings, which Excel and every MIS read. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const GAP_CSV_HEADER = ['Pupil', 'UPN', 'Year group', 'Tutor group', 'State', 'Detail'] as const;

/**
 * The gap list as a CSV file's text. It starts with a byte-order mark so Excel reads names with
 * accents correctly.
 */
export function gapListCsv(rows: readonly GapRow[]): string {
  return (
    '\uFEFF' +
    toCsv([
      GAP_CSV_HEADER,
      ...rows.map((row) => [row.pupil?.displayName ?? 'Pupil not available', row.pupil?.upn ?? '', row.yearGroup, row.pupil?.tutorGroup ?? '', STATE_LABELS[row.state] ?? row.state, row.detail]),
    ])
  );
}

/** E.g. `gaps-b6-by-16-year-10-eal-2026-03-04.csv`. */
export function gapListFileName(query: { measure: BenchmarkMeasure; yearGroup: number | null; group: VulnerableGroup | null; asOf: string | null }, today: string): string {
  const parts = ['gaps', query.measure, query.yearGroup != null ? `year-${query.yearGroup}` : null, query.group, query.asOf ?? today];
  return `${parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')}.csv`;
}
