import { academicYearLabel, toCsv, type CsvValue } from '@waymark/domain';
import {
  Button,
  DataTable,
  ErrorPanel,
  formatDate,
  formatNumber,
  Loading,
  PageHeader,
  Section,
  SelectField,
  StatCard,
  StatGrid,
  type Column,
} from '@waymark/ui';
import { useState } from 'react';
import { downloadFile, todayIso } from '../../../shared/download';
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

export interface SchoolLine {
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

/**
 * The schools ordered by the share met on one measure, highest first (a school where it does not
 * apply goes last; ties by name), with the whole trust kept at the foot.
 */
export function sortLines(lines: readonly SchoolLine[], share: (line: SchoolLine) => ShareRow): SchoolLine[] {
  const schools = lines.filter((line) => line.schoolId !== null || line.key !== 'trust');
  const trust = lines.filter((line) => line.key === 'trust');
  const key = (line: SchoolLine) => {
    const row = share(line);
    return row.eligible === 0 ? -1 : row.metPercent;
  };
  return [...[...schools].sort((a, b) => key(b) - key(a) || a.name.localeCompare(b.name, 'en-GB')), ...trust];
}

/** The comparison as a spreadsheet: one row per school (then the trust), the share met and in progress for each measure. */
export function comparisonCsv(
  lines: readonly SchoolLine[],
  measures: readonly BenchmarkMeasure[],
  share: (line: SchoolLine, measure: BenchmarkMeasure) => ShareRow,
): string {
  const header = ['School', 'Pupils', ...measures.flatMap((measure) => [`${measureInfo(measure).short} met %`, `${measureInfo(measure).short} in progress %`])];
  const rows = lines.map((line): CsvValue[] => [
    line.name,
    line.pupilCount,
    ...measures.flatMap((measure): CsvValue[] => {
      const row = share(line, measure);
      return row.eligible === 0 ? ['', ''] : [row.metPercent, row.inProgressPercent];
    }),
  ]);
  return toCsv([header, ...rows]);
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
  const measures = measuresIn([...dashboard.totals, ...dashboard.schools.flatMap((school) => school.cells)]);
  const [chosen, setChosen] = useState<BenchmarkMeasure | ''>('');
  const sortedBy = chosen && measures.includes(chosen) ? chosen : null;
  const share = (line: SchoolLine, measure: BenchmarkMeasure) => shareFor(line, measure, filters, dashboard.groupFiguresRounded);
  const lines = sortedBy ? sortLines(schoolLines(dashboard), (line) => share(line, sortedBy)) : schoolLines(dashboard);
  const detail = sortedBy ?? measures[0];
  const who = filters.group ? ` (${groupLabel(filters.group)})` : '';
  const download = () => downloadFile(comparisonCsv(lines, measures, share), `trust-benchmarks-${todayIso()}.csv`, 'text/csv;charset=utf-8');

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
        <div className="wm-toolbar">
          <SelectField
            id="trust-sort"
            label="Order the schools by"
            placeholder="School name"
            options={measures.map((measure) => ({ value: measure, label: measureInfo(measure).label }))}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as BenchmarkMeasure | '')}
          />
        </div>
        <p className="wm-muted" id="trust-scroll-hint">
          {sortedBy ? `Highest share met on ${measureInfo(sortedBy).short} first. ` : ''}
          The table has {formatNumber(measures.length)} measures: on a narrow screen it scrolls sideways, with the school names kept in view.
        </p>
        <DataTable
          caption={`Share of pupils who have met each measure, by school${who}`}
          className="wm-table--matrix wm-table--sticky"
          columns={columns}
          rows={lines}
          rowKey={(line) => line.key}
        />
        <div className="wm-button-row">
          <Button variant="secondary" onClick={download}>
            Download these figures (CSV)
          </Button>
        </div>
      </Section>

      {detail ? (
        <Section
          title="One measure by school"
          description="Solid bars show the share who have met the measure; striped bars the share in progress. Choose the measure with “Order the schools by” above. Select a school to open its figures."
        >
          <ShareChart
            caption={`${measureInfo(detail).short}: met and in progress by school${who}`}
            tableCaption={`${measureInfo(detail).label}, by school${who}`}
            rowHeading="School"
            rows={lines.map((line) => share(line, detail))}
            linkFor={(row) => schoolHref(row.schoolId ?? null)}
            linkHint="open the school's benchmarks"
            linkText={() => "Open the school's benchmarks"}
          />
        </Section>
      ) : null}
    </>
  );
}
