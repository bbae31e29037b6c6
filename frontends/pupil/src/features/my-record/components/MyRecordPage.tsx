import type { SessionAccount } from '@waymark/graphql-client';
import { ErrorPanel, Loading, PageHeader, Section, StatCard, StatGrid, SummaryList } from '@waymark/ui';
import { useMyPupilRecord } from '../hooks/useMyPupilRecord';
import { ActivitiesTable } from './ActivitiesTable';
import { DestinationsSection } from './DestinationsSection';

export function MyRecordPage({ account }: { account: SessionAccount }) {
  const { record, attended, benchmarksCovered, loading, error, refetch } = useMyPupilRecord();

  if (loading && !record) {
    return (
      <>
        <PageHeader title="My record" />
        <Loading label="Loading your record…" />
      </>
    );
  }

  if (!record) {
    return (
      <>
        <PageHeader title="My record" />
        {error ? (
          <ErrorPanel title="Your record could not be loaded" onRetry={() => void refetch()}>
            {error.message}
          </ErrorPanel>
        ) : (
          <Section title="No pupil record yet">
            <p>
              There is no pupil record linked to {account.displayName}'s account. If you think this is wrong, ask your school's
              careers leader.
            </p>
          </Section>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My record"
        caption={record.school?.name}
        description="The careers activities you have taken part in and your plans for after school."
      />
      {error ? <ErrorPanel title="Part of your record could not be loaded">{error.message}</ErrorPanel> : null}

      <StatGrid label="Your careers record in numbers">
        <StatCard label="Activities attended" value={attended.length} />
        <StatCard
          label="Gatsby benchmarks covered"
          value={benchmarksCovered.length}
          hint={benchmarksCovered.length ? `Benchmarks ${benchmarksCovered.join(', ')}` : 'None yet'}
        />
        <StatCard label="Intended destination" value={record.intendedDestination?.kindLabel ?? 'Not recorded'} />
      </StatGrid>

      <Section title="Your details">
        <SummaryList
          items={[
            { term: 'Name', value: record.displayName },
            { term: 'School', value: record.school?.name ?? 'Not recorded' },
            { term: 'Year group', value: record.yearGroup != null ? `Year ${record.yearGroup}` : 'Not recorded' },
            { term: 'Tutor group', value: record.tutorGroup ?? 'Not recorded' },
          ]}
        />
      </Section>

      <Section title="Activities you attended" description="Newest first.">
        <ActivitiesTable activities={attended} />
      </Section>

      <DestinationsSection record={record} />
    </>
  );
}
