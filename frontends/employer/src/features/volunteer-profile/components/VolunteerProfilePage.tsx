import type { SessionAccount } from '@waymark/graphql-client';
import { BarChart, DataTable, ErrorPanel, formatNumber, Loading, PageHeader, Section, StatCard, StatGrid, SummaryList, type Column } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import type { VolunteerKind } from '../../../gql/graphql';
import { AlumniConfirmationSection } from '../../alumni-confirmation/components/AlumniConfirmationSection';
import { WhereAreYouNowSection } from '../../alumni-confirmation/components/WhereAreYouNowSection';
import { MyDataSection } from '../../my-data/components/MyDataSection';
import { DeleteAccountSection } from '../../delete-account/components/DeleteAccountSection';
import { useVolunteerProfile } from '../hooks/useVolunteerProfile';
import { EngagementsTable } from './EngagementsTable';
import { EngagementFeedbackPage } from '../../engagement-feedback/components/EngagementFeedbackPage';
import { impactBySchool, type SchoolImpact } from '../../engagement-feedback/lib/impact';

const IMPACT_COLUMNS: Column<SchoolImpact>[] = [
  { key: 'school', header: 'School', rowHeader: true, render: (row) => row.school },
  { key: 'engagements', header: 'Encounters', numeric: true, render: (row) => formatNumber(row.engagements) },
  { key: 'pupils', header: 'Pupils who attended', numeric: true, render: (row) => formatNumber(row.pupilsReached) },
  { key: 'thanks', header: 'Thank-yous', numeric: true, render: (row) => formatNumber(row.thanks) },
];

const KIND_LABELS: Record<VolunteerKind, string> = {
  EMPLOYEE: 'Employer volunteer',
  ALUMNI: 'Alumni volunteer',
};

export function VolunteerProfilePage({ account }: { account: SessionAccount }) {
  const { profile, engagements, pupilsReached, schools, loading, error, refetch } = useVolunteerProfile();
  const [feedbackFor, setFeedbackFor] = useState<string | null>(null);
  const switched = useRef(false);

  // Opening an encounter's feedback, or coming back, starts at the new heading (for keyboard and screen-reader users).
  useEffect(() => {
    if (!switched.current) return;
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-remote="employer"] h1')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [feedbackFor]);
  const openFeedback = (id: string | null) => {
    switched.current = true;
    setFeedbackFor(id);
  };

  if (feedbackFor) {
    return (
      <EngagementFeedbackPage
        engagementId={feedbackFor}
        onBack={() => {
          openFeedback(null);
          void refetch();
        }}
      />
    );
  }

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
        <DeleteAccountSection />
      </>
    );
  }

  const bySchool = impactBySchool(engagements);
  const thanks = engagements.flatMap((engagement) => engagement.volunteerThanks.map((note) => ({ title: engagement.title, message: note.message })));

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
        <StatCard label="Thank-yous from schools" value={thanks.length} />
      </StatGrid>

      <Section title="Your impact" description="Pupils who attended your encounters, school by school. A pupil who came to two encounters counts twice.">
        <BarChart caption="Pupils who attended, by school" data={bySchool.map((row) => ({ label: row.school, value: row.pupilsReached }))} />
        <DataTable caption="Your encounters, pupils and thank-yous by school" columns={IMPACT_COLUMNS} rows={bySchool} rowKey={(row) => row.school} />
      </Section>

      {thanks.length > 0 ? (
        <Section title="What schools said">
          {thanks.map(({ title, message }, i) => (
            <div key={i} className="wm-inset">
              <p>
                <strong>{title}</strong>
              </p>
              <p>{message}</p>
            </div>
          ))}
        </Section>
      ) : null}

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
      {/* Once a school has confirmed them (it becomes the school they are a former pupil of). */}
      {profile.kind === 'ALUMNI' && profile.alumniOf ? (
        <WhereAreYouNowSection schoolName={profile.alumniOf.name} yearLeft={profile.leftSchoolYear ?? null} />
      ) : null}

      <Section
        title="Encounters you took part in"
        description="Newest first. Only attendance totals are shown. Once an encounter has happened, tell the school how it went."
      >
        <EngagementsTable engagements={engagements} onFeedback={(engagement) => openFeedback(engagement.id)} />
      </Section>

      <MyDataSection />
      <DeleteAccountSection />
    </>
  );
}
