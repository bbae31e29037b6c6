import { academicYearLabel } from '@waymark/domain';
import { DataTable, ErrorPanel, formatDate, formatNumber, Loading, PageHeader, Section, SelectField, StatCard, StatGrid, type Column } from '@waymark/ui';
import { useState, type ReactNode } from 'react';
import { MEASURES, measureInfo, type BenchmarkMeasure } from '../../../shared/benchmarks';
import { YEAR_GROUPS } from '../../../shared/encounterKinds';
import { routeHref, type DashboardFilters } from '../../../shared/route';
import { groupLabel } from '../../../shared/vulnerableGroups';
import type { SchoolDashboard, WorkExperienceByYear } from '../graphql/dashboard';
import { findCell, measuresIn, percent, rowsByGroup, rowsByYear, type ShareRow } from '../lib/dashboardData';
import { useSchoolDashboard } from '../hooks/useDashboards';
import { DashboardSummary } from '../../self-evaluation/components/DashboardSummary';
import { DashboardFiltersForm } from './DashboardFiltersForm';
import { MeasureMatrix } from './MeasureMatrix';
import { ShareChart } from './ShareChart';

export interface SchoolDashboardViewProps {
  /** null: the caller's own school. */
  schoolId: string | null;
  filters: DashboardFilters;
  onFiltersChange: (filters: DashboardFilters) => void;
  /** Above the heading, e.g. a link back to the trust's figures. */
  before?: ReactNode;
}

/** Says what the figures are narrowed to, e.g. "Year 9, young carers". */
export function filtersText(filters: DashboardFilters): string {
  const parts = [filters.yearGroup != null ? `Year ${filters.yearGroup}` : 'all year groups', filters.group ? groupLabel(filters.group) : 'all pupils'];
  return parts.join(', ');
}

const workExperienceColumns: Column<WorkExperienceByYear>[] = [
  { key: 'year', header: 'Year group', rowHeader: true, render: (row) => `Year ${row.yearGroup}` },
  { key: 'pupils', header: 'Pupils', numeric: true, render: (row) => formatNumber(row.pupils) },
  { key: 'average', header: 'Average hours so far', numeric: true, render: (row) => row.averageHours.toLocaleString('en-GB', { maximumFractionDigits: 1 }) },
  {
    key: 'target',
    header: 'On track for the target',
    numeric: true,
    render: (row) => `${formatNumber(row.reachedTarget)} (${percent(row.reachedTarget, row.pupils)}%)`,
  },
];

/**
 * A school's benchmark figures: every measure at a glance by year group, each measure as a chart
 * (with its table), the vulnerable groups side by side, and work-experience hours. Every figure
 * links to the pupils missing out behind it.
 */
export function SchoolDashboardView({ schoolId, filters, onFiltersChange, before }: SchoolDashboardViewProps) {
  const { dashboard, loading, error, refetch } = useSchoolDashboard(schoolId, filters);
  const [compared, setCompared] = useState<BenchmarkMeasure>('B5_EMPLOYERS');
  // Answered with the figures (null until they arrive): no second request to find out.
  const canListPupils = dashboard ? dashboard.canListPupils : null;

  const gapHref = (measure: BenchmarkMeasure, row: ShareRow): string | undefined =>
    canListPupils && row.missingOut > 0
      ? routeHref({ view: 'gaps', query: { measure, schoolId, yearGroup: row.yearGroup, group: row.group, asOf: filters.asOf } })
      : undefined;

  return (
    <>
      {before}
      <PageHeader
        title="Gatsby benchmarks"
        caption={dashboard?.school?.name}
        description="How many pupils have met each benchmark so far, by year group and for each vulnerable group. Select a figure to see the pupils who are missing out."
      />
      {/* The caller's own school: staff of it, who read its self-evaluation (a trust analyst names a school and reads it there). */}
      {schoolId === null ? <DashboardSummary /> : null}
      {canListPupils === false ? (
        <p className="wm-inset">These are the school's figures only: lists of individual pupils need pupil-level access, which your trust can grant.</p>
      ) : null}
      {dashboard?.groupFiguresRounded ? (
        <p className="wm-inset">
          Figures for vulnerable groups are rounded to the nearest 5, so that no pupil's group can be worked out from them. Pupil-level access, which your trust
          can grant, shows them exactly.
        </p>
      ) : null}
      <Section title="Choose the figures">
        <DashboardFiltersForm filters={filters} onChange={onFiltersChange} />
        <p role="status" aria-live="polite" className="wm-muted">
          {loading ? 'Working out the figures…' : dashboard ? `Showing ${filtersText(filters)}, as of ${formatDate(dashboard.asOf)}.` : ''}
        </p>
      </Section>
      {error ? (
        <ErrorPanel title="The benchmark figures could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {loading && !dashboard ? <Loading label="Loading the benchmark figures…" /> : null}
      {dashboard ? <DashboardFigures dashboard={dashboard} filters={filters} gapHref={gapHref} compared={compared} onCompare={setCompared} /> : null}
    </>
  );
}

const DETAIL_HEADING = 'dashboard-measure-detail';

interface DashboardFiguresProps {
  dashboard: SchoolDashboard;
  filters: DashboardFilters;
  gapHref: (measure: BenchmarkMeasure, row: ShareRow) => string | undefined;
  compared: BenchmarkMeasure;
  onCompare: (measure: BenchmarkMeasure) => void;
}

function DashboardFigures({ dashboard, filters, gapHref, compared, onCompare }: DashboardFiguresProps) {
  const measures = measuresIn(dashboard.cells);
  const years = filters.yearGroup != null ? [filters.yearGroup] : [...YEAR_GROUPS];
  const columns = [
    ...years.map((year) => ({ key: `year-${year}`, header: `Year ${year}` })),
    ...(filters.yearGroup == null ? [{ key: 'all', header: 'All' }] : []),
  ];
  const who = filters.group ? ` (${groupLabel(filters.group)})` : '';
  const comparedMeasure = measures.includes(compared) ? compared : (measures[0] ?? compared);
  const allCell = filters.group ? null : (findCell(dashboard.cells, comparedMeasure, filters.yearGroup) ?? null);
  const groupRows = rowsByGroup(dashboard.groupCells, allCell, comparedMeasure, filters.yearGroup, dashboard.groupFiguresRounded);

  return (
    <>
      <StatGrid label="The figures in brief">
        <StatCard label="Pupils counted" value={formatNumber(dashboard.pupilCount)} hint={filtersText(filters)} />
        <StatCard label="Academic year" value={academicYearLabel(dashboard.academicYear)} />
        <StatCard label="Figures as of" value={formatDate(dashboard.asOf)} />
      </StatGrid>

      <Section
        title="Every measure at a glance"
        description="The share of pupils who have met each measure, shaded by how close it is to everyone (the bar under each figure shows the same). A smaller figure underneath, such as +10%, is the share part-way there. A dash means the measure does not apply to that year group. Choose a measure's name to see it in detail below."
      >
        <MeasureMatrix
          caption={`Share of pupils who have met each measure, by year group${who}`}
          columns={columns}
          rows={measures.map((measure) => ({
            measure,
            cells: rowsByYear(dashboard.cells, measure, filters.group, filters.yearGroup, dashboard.groupFiguresRounded),
          }))}
          linkFor={gapHref}
          linkHint="see the pupils missing out"
          onShowMeasure={(measure) => {
            onCompare(measure);
            // Take keyboard and screen-reader users to what they asked for.
            requestAnimationFrame(() => document.getElementById(DETAIL_HEADING)?.focus());
          }}
        />
      </Section>

      <Section
        title="One measure in detail"
        headingId={DETAIL_HEADING}
        description="Solid bars show the share who have met the measure; striped bars the share in progress. Each chart has its figures in a table below it."
      >
        <SelectField
          id="dashboard-compare"
          label="Measure"
          options={MEASURES.filter((measure) => measures.includes(measure.value)).map((measure) => ({ value: measure.value, label: measure.label }))}
          value={comparedMeasure}
          onChange={(event) => onCompare(event.target.value as BenchmarkMeasure)}
        />
        <h3>By year group</h3>
        <ShareChart
          caption={`${measureInfo(comparedMeasure).short}: met and in progress by year group${who}`}
          tableCaption={`${measureInfo(comparedMeasure).label}, by year group${who}`}
          rowHeading="Year group"
          rows={rowsByYear(dashboard.cells, comparedMeasure, filters.group, filters.yearGroup, dashboard.groupFiguresRounded)}
          linkFor={(row) => gapHref(comparedMeasure, row)}
          linkHint="see the pupils missing out"
        />
        <h3>By vulnerable group</h3>
        <p className="wm-muted">
          How each vulnerable or target group compares with all pupils{filters.yearGroup != null ? ` in Year ${filters.yearGroup}` : ''}.
        </p>
        <ShareChart
          caption={`${measureInfo(comparedMeasure).short}: met and in progress for each group`}
          tableCaption={`${measureInfo(comparedMeasure).label}, by vulnerable group`}
          rowHeading="Group"
          rows={groupRows}
          linkFor={(row) => gapHref(comparedMeasure, row)}
          linkHint="see the pupils missing out"
        />
      </Section>

      <Section
        title="Work experience"
        description="Hours of work experience so far. The target is 25 hours (5 days) by the end of Year 9 and 50 hours (10 days) by the end of Year 11."
      >
        <DataTable
          caption="Work-experience hours by year group"
          captionHidden
          columns={workExperienceColumns}
          rows={dashboard.workExperience}
          rowKey={(row) => row.yearGroup}
          emptyText="No work experience has been recorded yet."
        />
      </Section>
    </>
  );
}
