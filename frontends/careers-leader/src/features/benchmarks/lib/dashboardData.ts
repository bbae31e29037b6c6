import { MEASURES, type BenchmarkMeasure } from '../../../shared/benchmarks';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import { groupLabel, VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/vulnerableGroups';
import type { DashboardCell } from '../graphql/dashboard';

const formatNumber = (value: number) => value.toLocaleString('en-GB');

/** One bar of a chart or row of its table: a cell's counts with the shares worked out. */
export interface ShareRow {
  key: string;
  label: string;
  yearGroup: number | null;
  group: VulnerableGroup | null;
  /** Set for a trust's school rows. */
  schoolId?: string | null;
  eligible: number;
  met: number;
  inProgress: number;
  notMet: number;
  /** Whole percent of the eligible pupils who met it. */
  metPercent: number;
  /**
   * Whole percent in progress, worked out as (met + in progress) less `metPercent` so the two never
   * add up to more than 100 through rounding.
   */
  inProgressPercent: number;
  /** Pupils not met or in progress: the gap list's length. */
  missingOut: number;
  /** Said instead of the figures when nobody is counted. */
  emptyText?: string;
  /** The counts are rounded to the nearest 5 (vulnerable-group figures for a viewer who may not see flags). */
  approximate?: boolean;
}

/** A whole percent; 0 when nobody is counted. */
export function percent(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

export function toShareRow(cell: DashboardCell | undefined, key: string, label: string, yearGroup: number | null, group: VulnerableGroup | null): ShareRow {
  const eligible = cell?.eligible ?? 0;
  const met = cell?.met ?? 0;
  const inProgress = cell?.inProgress ?? 0;
  const notMet = cell?.notMet ?? 0;
  const metPercent = percent(met, eligible);
  return {
    key,
    label,
    yearGroup,
    group,
    eligible,
    met,
    inProgress,
    notMet,
    metPercent,
    inProgressPercent: Math.max(0, percent(met + inProgress, eligible) - metPercent),
    missingOut: inProgress + notMet,
  };
}

/**
 * The cell of a measure for one year group (null: all). `cells` are all for one group (the
 * dashboard's filter), so the group is only compared when one is asked for.
 */
export function findCell(
  cells: readonly DashboardCell[],
  measure: BenchmarkMeasure,
  yearGroup: number | null,
  group?: VulnerableGroup | null,
): DashboardCell | undefined {
  return cells.find((cell) => cell.measure === measure && (cell.yearGroup ?? null) === yearGroup && (group === undefined || (cell.group ?? null) === group));
}

/** The measures the figures cover, in the dashboard's order (measures the API adds later go last). */
export function measuresIn(cells: readonly DashboardCell[]): BenchmarkMeasure[] {
  const present = new Set(cells.map((cell) => cell.measure));
  const known = MEASURES.map((measure) => measure.value).filter((measure) => present.has(measure));
  const unknown = [...present].filter((measure) => !known.includes(measure));
  return [...known, ...unknown];
}

/**
 * A measure by year group: Years 7–13 (only the chosen one when the dashboard is narrowed to a
 * year), then every year group together. `group` is the group the cells are for (null: all pupils).
 */
export function rowsByYear(
  cells: readonly DashboardCell[],
  measure: BenchmarkMeasure,
  group: VulnerableGroup | null,
  onlyYear: number | null = null,
  rounded = false,
): ShareRow[] {
  const years = onlyYear != null ? [onlyYear] : [...YEAR_GROUPS];
  const rows = years.map((year) => toShareRow(findCell(cells, measure, year), `year-${year}`, `Year ${year}`, year, group));
  if (onlyYear == null) rows.push(toShareRow(findCell(cells, measure, null), 'all', 'All year groups', null, group));
  return group != null && rounded ? rows.map(approximately) : rows;
}

/** A row whose counts were rounded to the nearest 5: read as "about", and none may mean a few. */
export const approximately = (row: ShareRow): ShareRow => ({ ...row, approximate: true, emptyText: 'None, or too few to show' });

/**
 * A measure by vulnerable group: `groupCells` hold one cell per group (across year groups, or the
 * chosen one). `allCell`, the same measure for every pupil, comes first when there is one (there is
 * not when the dashboard itself is narrowed to a group).
 */
export function rowsByGroup(
  groupCells: readonly DashboardCell[],
  allCell: DashboardCell | null,
  measure: BenchmarkMeasure,
  yearGroup: number | null,
  rounded = false,
): ShareRow[] {
  return [
    ...(allCell ? [toShareRow(allCell, 'all', 'All pupils', yearGroup, null)] : []),
    ...VULNERABLE_GROUPS.map((group) =>
      toShareRow(
        groupCells.find((cell) => cell.measure === measure && cell.group === group.value),
        group.value,
        groupLabel(group.value),
        yearGroup,
        group.value,
      ),
    ).map((row) => (rounded ? approximately(row) : { ...row, emptyText: 'No pupils in this group' })),
  ];
}

/** The figures in words, as each bar and table row reads them out. */
export function shareText(row: ShareRow): string {
  if (row.eligible === 0) return row.emptyText ?? 'Does not apply to any pupil';
  const parts = [`${row.metPercent}% met`];
  if (row.inProgress > 0) parts.push(`${row.inProgressPercent}% in progress`);
  return `${parts.join(', ')} (of ${row.approximate ? 'about ' : ''}${formatNumber(row.eligible)} ${row.eligible === 1 ? 'pupil' : 'pupils'})`;
}

/**
 * How close a share met is to everyone, in four steps, for the cell's shade. The figure and the bar
 * under it say the same thing, so the shade is never the only way to read it.
 */
export function shareBand(metPercent: number): 'high' | 'good' | 'low' | 'none' {
  if (metPercent >= 90) return 'high';
  if (metPercent >= 60) return 'good';
  if (metPercent > 0) return 'low';
  return 'none';
}
