import { academicYearLabel } from '@waymark/domain';
import { DataTable, ErrorPanel, formatDate, formatNumber, Loading, PageHeader, Section, StatCard, StatGrid, type Column } from '@waymark/ui';
import { measureInfo, type BenchmarkMeasure } from '../../../shared/benchmarks';
import { routeHref, type DashboardFilters } from '../../../shared/route';
import { groupLabel } from '../../../shared/vulnerableGroups';
import type { DashboardCell, TrustDashboard } from '../graphql/dashboard';
import { approximately, findCell, measuresIn, toShareRow, type ShareRow } from '../lib/dashboardData';
import { useTrustDashboard } from '../hooks/useDashboards';
import { DashboardFiltersForm } from './DashboardFiltersForm';
import { filtersText } from './SchoolDashboardView';
import { ShareChart } from './ShareChart';

export interface TrustDashboardPageProps {
  filters: DashboardFilters;
  onFiltersChange: (filters: DashboardFilters) => void;
}

interface SchoolLine {
  key: string;
  schoolId: string | null;
  name: string;
  pupilCount: number;
  cells: DashboardCell[];
}

/** The trust's schools by name, then the trust as a whole. */
export function schoolLines(dashboard: TrustDashboard): SchoolLine[] {
  const schools = dashboard.schools
    .map((row, index) => ({
      key: row.school?.id ?? `school-${index}`,
      schoolId: row.school?.id ?? null,
      name: row.school?.name ?? 'A school of the trust',
      pupilCount: row.pupilCount,
      cells: row.cells,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return [...schools, { key: 'trust', schoolId: null, name: 'Whole trust', pupilCount: dashboard.pupilCount, cells: dashboard.totals }];
}

/** A school's (or the trust's) figure for a measure: one cell per measure, for the chosen year group or all of them. */
function shareFor(line: SchoolLine, measure: BenchmarkMeasure, filters: DashboardFilters, rounded: boolean): ShareRow {
  const cell = findCell(line.cells, measure, filters.yearGroup) ?? line.cells.find((entry) => entry.measure === measure);
  const row = { ...toShareRow(cell, line.key, line.name, filters.yearGroup, filters.group), schoolId: line.schoolId };
  return rounded ? approximately(row) : row;
}

/** For trust analysts: each measure school by school, with the same filters as a school's dashboard; every school opens its own. */
export function TrustDashboardPage({ filters, onFiltersChange }: TrustDashboardPageProps) {
  const { dashboard, loading, error, refetch } = useTrustDashboard(filters);
  const schoolHref = (schoolId: string | null) => (schoolId ? routeHref({ view: 'school', schoolId, filters }) : undefined);

  return (
    <>
      <PageHeader
        title="Trust benchmarks"
        description="How the schools of your trust compare on each Gatsby Benchmark measure. Select a school to see its own figures by year group and vulnerable group."
      />
      {dashboard?.groupFiguresRounded ? (
        <p className="wm-inset">
          These figures, all about one vulnerable group, are rounded to the nearest 5, so that no pupil's group can be worked out from them. Pupil-level access,
          which your trust can grant, shows them exactly.
        </p>
      ) : null}
      <Section title="Choose the figures">
        <DashboardFiltersForm filters={filters} onChange={onFiltersChange} idPrefix="trust" />
        <p role="status" aria-live="polite" className="wm-muted">
          {loading ? 'Working out the figures…' : dashboard ? `Showing ${filtersText(filters)}, as of ${formatDate(dashboard.asOf)}.` : ''}
        </p>
      </Section>
      {error ? (
        <ErrorPanel title="The trust's figures could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {loading && !dashboard ? <Loading label="Loading the trust's figures…" /> : null}
      {dashboard ? <TrustFigures dashboard={dashboard} filters={filters} schoolHref={schoolHref} /> : null}
    </>
  );
}

function TrustFigures({
  dashboard,
  filters,
  schoolHref,
}: {
  dashboard: TrustDashboard;
  filters: DashboardFilters;
  schoolHref: (id: string | null) => string | undefined;
}) {
  const lines = schoolLines(dashboard);
  const measures = measuresIn([...dashboard.totals, ...dashboard.schools.flatMap((school) => school.cells)]);
  const who = filters.group ? ` (${groupLabel(filters.group)})` : '';

  const columns: Column<SchoolLine>[] = [
    {
      key: 'school',
      header: 'School',
      rowHeader: true,
      render: (line) => {
        const href = schoolHref(line.schoolId);
        return href ? <a href={href}>{line.name}</a> : line.name;
      },
    },
    { key: 'pupils', header: 'Pupils', numeric: true, render: (line) => formatNumber(line.pupilCount) },
    ...measures.map((measure): Column<SchoolLine> => ({
      key: measure,
      header: (
        <>
          <span aria-hidden="true">{measureInfo(measure).short}</span>
          <span className="wm-visually-hidden">{measureInfo(measure).label}</span>
        </>
      ),
      numeric: true,
      render: (line) => {
        const share = shareFor(line, measure, filters, dashboard.groupFiguresRounded);
        if (share.eligible === 0) {
          return (
            <>
              <span aria-hidden="true">–</span>
              <span className="wm-visually-hidden">{share.approximate ? share.emptyText : 'Does not apply'}</span>
            </>
          );
        }
        return (
          <>
            {share.metPercent}%<span className="wm-visually-hidden"> met</span>
            {share.inProgress > 0 ? (
              <span className="wm-matrix__extra">
                +{share.inProgressPercent}%<span className="wm-visually-hidden"> in progress</span>
              </span>
            ) : null}
          </>
        );
      },
    })),
  ];

  return (
    <>
      <StatGrid label="The trust in brief">
        <StatCard label="Schools" value={formatNumber(dashboard.schools.length)} />
        <StatCard label="Pupils counted" value={formatNumber(dashboard.pupilCount)} hint={filtersText(filters)} />
        <StatCard label="Academic year" value={academicYearLabel(dashboard.academicYear)} hint={`As of ${formatDate(dashboard.asOf)}`} />
      </StatGrid>

      <Section
        title="Every school at a glance"
        description="The share of pupils who have met each measure, school by school. A smaller figure underneath, such as +10%, is the share part-way there. A dash means the measure does not apply."
      >
        <DataTable
          caption={`Share of pupils who have met each measure, by school${who}`}
          className="wm-table--matrix"
          columns={columns}
          rows={lines}
          rowKey={(line) => line.key}
        />
      </Section>

      <Section
        title="Each measure by school"
        description="Solid bars show the share who have met the measure; striped bars the share in progress. Select a school to open its figures."
      >
        {measures.map((measure) => {
          const info = measureInfo(measure);
          return (
            <section key={measure} aria-labelledby={`trust-measure-${measure}`}>
              <h3 id={`trust-measure-${measure}`}>{info.label}</h3>
              <ShareChart
                caption={`${info.short}: met and in progress by school${who}`}
                tableCaption={`${info.label}, by school${who}`}
                rowHeading="School"
                rows={lines.map((line) => shareFor(line, measure, filters, dashboard.groupFiguresRounded))}
                linkFor={(row) => schoolHref(row.schoolId ?? null)}
                linkHint="open the school's benchmarks"
                linkText={() => "Open the school's benchmarks"}
              />
            </section>
          );
        })}
      </Section>
    </>
  );
}
