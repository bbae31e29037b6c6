import { BarChart, ErrorPanel, formatNumber, Loading, PageHeader, Section, StatCard, StatGrid } from '@waymark/ui';
import { useOverview } from '../hooks/useOverview';

const count = (value: number | null | undefined) => (value == null ? 'Not available' : formatNumber(value));

export function OverviewPage() {
  const { schools, destinations, leavers, data, loading, error, refetch } = useOverview();
  const school = schools?.[0];

  return (
    <>
      <PageHeader title="Overview" caption={schools?.length === 1 ? school?.name : undefined} description="Your school's careers programme at a glance." />
      {loading && !data ? <Loading label="Loading the overview…" /> : null}
      {error && !data ? (
        <ErrorPanel title="The overview could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {data ? (
        <>
          {schools ? (
            schools.map((entry) => (
              <StatGrid key={entry.name} label={`${entry.name} in numbers`}>
                <StatCard label="Pupils on roll" value={count(entry.pupilCount)} hint={schools.length > 1 ? entry.name : undefined} />
                <StatCard label="Encounters recorded" value={count(entry.encounterCount)} />
                <StatCard label="Leavers in the destinations summary" value={count(leavers)} />
              </StatGrid>
            ))
          ) : (
            <ErrorPanel title="Your school's numbers could not be loaded" onRetry={() => void refetch()}>
              {error?.message}
            </ErrorPanel>
          )}
          <Section title="Where leavers went" description="Immediate destinations of pupils who have left the school.">
            {destinations ? (
              <BarChart
                caption="Immediate destinations of leavers (number of pupils)"
                data={destinations.map((destination) => ({ label: destination.kindLabel, value: destination.count }))}
                emptyText="No leavers' destinations have been recorded yet."
              />
            ) : (
              <ErrorPanel title="Leavers' destinations could not be loaded" headingLevel={3} onRetry={() => void refetch()}>
                {error?.message}
              </ErrorPanel>
            )}
          </Section>
        </>
      ) : null}
    </>
  );
}
