import type { DestinationAnalyticsQuery, DestinationFigureFieldsFragment } from '../../../gql/graphql';

/** One figure as the API gives it: a count (null when withheld), its share of the leavers, and how it was published. */
export type Figure = DestinationFigureFieldsFragment;
export type FiguresRow = NonNullable<DestinationAnalyticsQuery['destinationAnalytics']>['rows'][number];
export type Column = 'intended' | 'september' | 'current';

/** The three columns in the order the page shows them, with the words used for them. */
export const COLUMNS: readonly { key: Column; label: string; after: string }[] = [
  { key: 'intended', label: 'Planned in Year 11', after: 'planned in Year 11' },
  { key: 'september', label: 'September after', after: 'in September' },
  { key: 'current', label: 'Now', after: 'now' },
];

const percentFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * A figure in words, percentage first and the count beside it: "50% (6)"; "About 10 (40%)" for a
 * rounded group count; "Withheld" for a small number kept back. Never a bare number that could be
 * taken for something else.
 */
export function figureText(figure: Figure): string {
  if (figure.suppressed || figure.count === null) return 'Withheld';
  const count = numberFormat.format(figure.count);
  const percent = figure.percent === null ? null : `${percentFormat.format(figure.percent)}%`;
  if (figure.rounded) return percent ? `About ${count} (${percent})` : `About ${count}`;
  return percent ? `${percent} (${count})` : count;
}

/** The leavers of a row in words: "12 leavers", "About 10 leavers", "Fewer than 5 leavers (withheld)". */
export function leaversText(figure: Figure, suppressBelow: number): string {
  if (figure.suppressed || figure.count === null) return `Fewer than ${suppressBelow} leavers (withheld)`;
  const count = numberFormat.format(figure.count);
  const noun = figure.count === 1 ? 'leaver' : 'leavers';
  return figure.rounded ? `About ${count} ${noun}` : `${count} ${noun}`;
}

/** A figure's share for drawing a bar: 0 when withheld or not known. */
export function barShare(figure: Figure): number {
  return figure.suppressed || figure.percent === null ? 0 : figure.percent;
}

/** The categories worth drawing: any with a count above 0, or withheld, in some column. */
export function shownCategories(row: FiguresRow): FiguresRow['categories'] {
  return row.categories.filter((category) => COLUMNS.some(({ key }) => category[key].suppressed || (category[key].count ?? 0) > 0));
}

/** One category's figure in a column, by its name. */
export function categoryFigure(row: FiguresRow, category: string, column: Column): Figure | null {
  return row.categories.find((entry) => entry.category === category)?.[column] ?? null;
}

/** The rows of one leaving year and group (null: all leavers), schools first by the API's order, the trust's total last. */
export function rowsFor(rows: readonly FiguresRow[], leavingYear: number, group: string | null): FiguresRow[] {
  return rows.filter((row) => row.leavingYear === leavingYear && (row.group ?? null) === group);
}

/** What a row is called on the page. */
export function rowName(row: FiguresRow): string {
  return row.schoolId === null ? 'Whole trust' : (row.schoolName ?? 'A school');
}
