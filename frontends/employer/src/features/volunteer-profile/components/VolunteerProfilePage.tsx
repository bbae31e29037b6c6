import type { SessionAccount } from '@waymark/graphql-client';
import { ErrorPanel, Loading, PageHeader, Section, StatCard, StatGrid, SummaryList } from '@waymark/ui';
import type { VolunteerKind } from '../../../gql/graphql';
import { AlumniConfirmationSection } from '../../alumni-confirmation/components/AlumniConfirmationSection';
import { MyDataSection } from '../../my-data/components/MyDataSection';
import { useVolunteerProfile } from '../hooks/useVolunteerProfile';
import { EngagementsTable } from './EngagementsTable';

const KIND_LABELS: Record<VolunteerKind, string> = {
  EMPLOYEE: 'Employer volunteer',
  ALUMNI: 'Alumni volunteer',
};

export function VolunteerProfilePage({ account }: { account: SessionAccount }) {
  const { profile, engagements, pupilsReached, schools, loading, error, refetch } = useVolunteerProfile();

  if (loading && !profile) {
    return (
      <>
        <PageHeader title="My volunteering" />
        <Loading label="Loading your volunteer profile…" />
      </>
    );
  }

  if (!profile) {
    return (
      <>
        <PageHeader title="My volunteering" />
        {error ? (
          <ErrorPanel title="Your profile could not be loaded" onRetry={() => void refetch()}>
            {error.message}
          </ErrorPanel>
        ) : (
          <Section title="No volunteer profile yet">
            <p>
              There is no volunteer profile linked to {account.displayName}'s account yet. The careers leader of the school you work with can link it for you.
            </p>
          </Section>
        )}
        <MyDataSection />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My volunteering"
        caption={profile.employer?.name ?? profile.alumniOf?.name}
        description="Thank you for helping young people find their way. These are the careers encounters you took part in."
      />
      {error ? <ErrorPanel title="Part of your profile could not be loaded">{error.message}</ErrorPanel> : null}

      <StatGrid label="Your volunteering in numbers">
        <StatCard label="Encounters" value={engagements.length} />
        <StatCard label="Pupils who attended" value={pupilsReached} />
        <StatCard label="Schools" value={schools} />
      </StatGrid>

      <Section title="Your profile">
        <SummaryList
          items={[
            { term: 'Name', value: profile.displayName },
            { term: 'Job title', value: profile.jobTitle },
            { term: 'Volunteering as', value: KIND_LABELS[profile.kind] ?? profile.kind },
            {
              term: 'Employer',
              value: profile.employer ? `${profile.employer.name} (${profile.employer.sector})` : 'Not recorded',
            },
            ...(profile.alumniOf ? [{ term: 'Former pupil of', value: profile.alumniOf.name }] : []),
          ]}
        />
      </Section>

      {profile.kind === 'ALUMNI' ? <AlumniConfirmationSection /> : null}

      <Section title="Encounters you took part in" description="Newest first. Only attendance totals are shown.">
        <EngagementsTable engagements={engagements} />
      </Section>

      <MyDataSection />
    </>
  );
}
