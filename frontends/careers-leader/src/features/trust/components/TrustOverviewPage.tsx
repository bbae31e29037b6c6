import { DataTable, ErrorPanel, formatNumber, Loading, PageHeader, Section, StatCard, StatGrid, type Column } from '@waymark/ui';
import { DestinationFigures } from '../../destinations/components/DestinationFigures';
import type { TrustSchool } from '../graphql/trust';
import { useTrustSchools } from '../hooks/useTrustSchools';
import { SchoolDestinations } from './SchoolDestinations';

const count = (value: number | null) => (value == null ? 'Not available' : formatNumber(value));

const columns: Column<TrustSchool>[] = [
  { key: 'name', header: 'School', rowHeader: true, render: (school) => school.name },
  { key: 'pupils', header: 'Pupils', numeric: true, render: (school) => count(school.pupilCount) },
  { key: 'encounters', header: 'Encounters recorded', numeric: true, render: (school) => count(school.encounterCount) },
];

/** For trust analysts: every school of the trust, with counts and leavers' destinations. */
export function TrustOverviewPage() {
  const { schools, totals, data, loading, error, refetch } = useTrustSchools();

  return (
    <>
      <PageHeader title="Trust overview" description="Careers activity and leavers' destinations across the schools of your trust." />
      {error ? (
        <ErrorPanel title="The trust overview could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {loading && !data ? <Loading label="Loading the trust's schools…" /> : null}
      {schools ? (
        <>
          <StatGrid label="The trust in numbers">
            <StatCard label="Schools" value={formatNumber(schools.length)} />
            <StatCard label="Pupils" value={formatNumber(totals.pupils)} />
            <StatCard label="Encounters recorded" value={formatNumber(totals.encounters)} />
          </StatGrid>
          <Section title="Schools">
            <DataTable
              caption="Schools of the trust"
              captionHidden
              columns={columns}
              rows={schools}
              rowKey={(school) => school.id}
              emptyText="Your trust has no schools on Waymark yet."
            />
          </Section>
          <Section
            title="Destination figures"
            description="Year 11 leavers of every school side by side, by the summer they left: where they went, whether it lasted, and how many are NEET or not known now."
          >
            <DestinationFigures trust />
          </Section>
          {schools.map((school) => (
            <Section key={school.id} title={school.name}>
              <p className="wm-muted">
                {count(school.pupilCount)} pupils · {count(school.encounterCount)} encounters recorded
              </p>
              <SchoolDestinations schoolId={school.id} schoolName={school.name} />
            </Section>
          ))}
        </>
      ) : null}
    </>
  );
}
