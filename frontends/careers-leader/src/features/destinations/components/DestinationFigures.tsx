import { DataTable, ErrorPanel, Loading, SelectField, StackedBarChart, type Column as TableColumn, type StackedBarRow } from '@waymark/ui';
import { useId, useState } from 'react';
import { groupLabel, VULNERABLE_GROUPS, type VulnerableGroup } from '../../../shared/vulnerableGroups';
import { useDestinationAnalytics } from '../hooks/useDestinations';
import { barShare, categoryFigure, COLUMNS, figureText, leaversText, rowName, rowsFor, shownCategories, type FiguresRow } from '../lib/figures';

const GROUP_OPTIONS = VULNERABLE_GROUPS.map(({ value, label }) => ({ value, label }));
const SHARE = [{ key: 'share', label: 'Share of leavers' }];

export interface DestinationFiguresProps {
  /** Every school of the trust side by side with its total (trust analysts); otherwise the caller's own school. */
  trust?: boolean;
  headingLevel?: 2 | 3;
}

/**
 * Where Year 11 leavers planned to go, went and are now, with sustained and plans met, for one leaving
 * year and optionally one vulnerable group: bars with the figures as text beside them, and the same
 * figures in tables. Small numbers come back withheld for analysts without pupil-level access, and
 * say so.
 */
export function DestinationFigures({ trust = false, headingLevel = 2 }: DestinationFiguresProps) {
  const [group, setGroup] = useState<VulnerableGroup | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const query = useDestinationAnalytics(group);
  const idPrefix = useId();
  const Heading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const analytics = query.data?.destinationAnalytics ?? null;

  if (!analytics) {
    if (query.loading) return <Loading label="Loading the destination figures…" />;
    return (
      <ErrorPanel title="The destination figures could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
        {query.error?.message ?? 'Try again later.'}
      </ErrorPanel>
    );
  }
  const leavingYear: number | null =
    year !== null && analytics.leavingYears.includes(year) ? year : analytics.leavingYears.length > 0 ? analytics.leavingYears[0] : null;
  const rows = leavingYear === null ? [] : rowsFor(analytics.rows, leavingYear, group);
  const who = group ? `${groupLabel(group)}: leavers` : 'Leavers';

  return (
    <div className="wm-destination-figures">
      <form className="wm-toolbar" aria-label="Choose the figures" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id={`${idPrefix}-year`}
          label="Left Year 11 in the summer of"
          options={analytics.leavingYears.map((value) => ({ value: String(value), label: String(value) }))}
          value={leavingYear !== null ? String(leavingYear) : ''}
          onChange={(event) => setYear(Number(event.target.value))}
        />
        <SelectField
          id={`${idPrefix}-group`}
          label="Vulnerable or target group"
          placeholder="All leavers"
          options={GROUP_OPTIONS}
          value={group ?? ''}
          onChange={(event) => setGroup((event.target.value || null) as VulnerableGroup | null)}
        />
      </form>
      {!analytics.exact ? (
        <p className="wm-muted">
          Numbers from 1 to {analytics.suppressBelow - 1} are withheld, and so is another number wherever a total would give one away, because you do not have
          pupil-level access. {group ? "A group's numbers are rounded to the nearest 5." : ''}
        </p>
      ) : null}
      {rows.length === 0 || leavingYear === null ? (
        <p>No Year 11 leavers to count yet.</p>
      ) : trust ? (
        <TrustFigures rows={rows} who={who} leavingYear={leavingYear} suppressBelow={analytics.suppressBelow} Heading={Heading} />
      ) : (
        <SchoolFigures row={rows[0]} who={who} leavingYear={leavingYear} suppressBelow={analytics.suppressBelow} Heading={Heading} />
      )}
    </div>
  );
}

interface FiguresViewProps {
  who: string;
  leavingYear: number;
  suppressBelow: number;
  Heading: 'h3' | 'h4';
}

/** Notes that apply to the whole year. */
function YearNotes({ row }: { row: FiguresRow }) {
  return (
    <>
      {row.septemberTooEarly ? <p className="wm-muted">September has not started yet, so every September destination is not known.</p> : null}
      {!row.yearOneSettled ? <p className="wm-muted">Their first year after Year 11 has not ended, so "sustained" can still change.</p> : null}
    </>
  );
}

type CategoryRow = FiguresRow['categories'][number];

function SchoolFigures({ row, who, leavingYear, suppressBelow, Heading }: FiguresViewProps & { row: FiguresRow }) {
  const categories = shownCategories(row);
  const chartRows: StackedBarRow[] = categories.flatMap((category) =>
    COLUMNS.map(({ key, after }) => ({
      key: `${category.category}-${key}`,
      label: `${category.label}: ${after}`,
      values: [barShare(category[key])],
      valueText: figureText(category[key]),
    })),
  );
  const columns: TableColumn<CategoryRow>[] = [
    { key: 'category', header: 'Destination', rowHeader: true, render: (category) => category.label },
    ...COLUMNS.map(({ key, label }) => ({ key, header: label, numeric: true, render: (category: CategoryRow) => figureText(category[key]) })),
  ];
  const headline = [
    { key: 'sustained', label: 'Sustained in their first year after Year 11', figure: row.sustained },
    { key: 'met', label: 'Went where they planned in Year 11', figure: row.intentionMet },
  ];
  return (
    <>
      <p>
        <strong>
          {who} in the summer of {leavingYear}: {leaversText(row.leavers, suppressBelow)}
        </strong>
      </p>
      <YearNotes row={row} />
      <Heading>Planned, September and now</Heading>
      <StackedBarChart
        caption={`${who} of ${leavingYear}: what they planned, where they went in September and what they do now (per cent of leavers, number in brackets)`}
        series={SHARE}
        rows={chartRows}
        emptyText="Nothing to show for these leavers yet."
      />
      <DataTable
        caption={`${who} of ${leavingYear} by destination (per cent of leavers, number in brackets)`}
        columns={columns}
        rows={row.categories}
        rowKey={(category) => category.category}
      />
      <Heading>Sustained and plans met</Heading>
      <StackedBarChart
        caption={`${who} of ${leavingYear}: sustained and plans met (per cent of leavers)`}
        series={SHARE}
        rows={headline.map(({ key, label, figure }) => ({ key, label, values: [barShare(figure)], valueText: figureText(figure) }))}
      />
      <DataTable
        caption={`${who} of ${leavingYear}: sustained and plans met`}
        columns={[
          { key: 'what', header: 'Figure', rowHeader: true, render: (entry) => entry.label },
          { key: 'value', header: 'Per cent of leavers (number)', numeric: true, render: (entry) => figureText(entry.figure) },
        ]}
        rows={headline}
        rowKey={(entry) => entry.key}
      />
    </>
  );
}

/** The measures compared across schools, each from a row. */
const MEASURES: { key: string; label: string; figure: (row: FiguresRow) => ReturnType<typeof categoryFigure> }[] = [
  { key: 'sustained', label: 'Sustained in their first year', figure: (row) => row.sustained },
  { key: 'met', label: 'Went where they planned', figure: (row) => row.intentionMet },
  { key: 'neet', label: 'NEET now', figure: (row) => categoryFigure(row, 'NEET', 'current') },
  { key: 'unknown', label: 'Not known now', figure: (row) => categoryFigure(row, 'NOT_KNOWN', 'current') },
];

function TrustFigures({ rows, who, leavingYear, suppressBelow, Heading }: FiguresViewProps & { rows: FiguresRow[] }) {
  const total = rows.find((row) => row.schoolId === null) ?? rows[0];
  const september = total.categories;
  const columns: TableColumn<FiguresRow>[] = [
    { key: 'school', header: 'School', rowHeader: true, render: rowName },
    { key: 'leavers', header: 'Leavers', numeric: true, render: (row) => figureText(row.leavers) },
    ...september.map((category) => ({
      key: `september-${category.category}`,
      header: `September: ${category.label}`,
      numeric: true,
      render: (row: FiguresRow) => {
        const figure = categoryFigure(row, category.category, 'september');
        return figure ? figureText(figure) : '';
      },
    })),
    ...MEASURES.map((measure) => ({
      key: measure.key,
      header: measure.label,
      numeric: true,
      render: (row: FiguresRow) => {
        const figure = measure.figure(row);
        return figure ? figureText(figure) : '';
      },
    })),
  ];
  return (
    <>
      <p>
        <strong>
          {who} in the summer of {leavingYear}, whole trust: {leaversText(total.leavers, suppressBelow)}
        </strong>
      </p>
      <YearNotes row={total} />
      <div className="wm-destination-figures__charts">
        {MEASURES.map((measure) => (
          <StackedBarChart
            key={measure.key}
            caption={`${measure.label} (per cent of leavers, number in brackets)`}
            series={SHARE}
            rows={rows.map((row) => {
              const figure = measure.figure(row);
              return {
                key: row.schoolId ?? 'trust',
                label: rowName(row),
                values: [figure ? barShare(figure) : 0],
                valueText: figure ? figureText(figure) : '',
              };
            })}
          />
        ))}
      </div>
      <Heading>The schools side by side</Heading>
      <DataTable
        caption={`${who} of ${leavingYear}, school by school (per cent of leavers, number in brackets)`}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.schoolId ?? 'trust'}
      />
    </>
  );
}
