import { formatTime } from '@waymark/domain';
import { DateText, ErrorPanel, formatNumber, isForbidden, Loading, Notice, PageHeader, Section, SummaryList } from '@waymark/ui';
import { benchmarkName } from '../../../shared/benchmarks';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { routeHref } from '../../../shared/route';
import type { EncounterDetail } from '../graphql/encounter';
import { useEncounter } from '../hooks/useEncounter';
import { ImportRegisterSection } from './ImportRegisterSection';
import { GroupReflectionSection } from './GroupReflectionSection';
import { InviteSection } from './InviteSection';
import { RegisterTable } from './RegisterTable';
import { VolunteerFeedbackSection } from '../../engagement-feedback/components/VolunteerFeedbackSection';

export interface EncounterPageProps {
  encounterId: string;
  /** Set when the encounter was recorded (or saved) just before arriving here. */
  justSaved?: 'recorded' | 'saved' | null;
}

const back = (
  <a className="wm-back-link" href={routeHref({ view: 'encounters' })}>
    Back to encounters
  </a>
);

/** "09:30 to 11:00" on a clock in England, or nothing when only the day was recorded. */
export function timesText(date: string, hasTime: boolean, endsAt: string | null): string | null {
  if (!hasTime) return null;
  return endsAt ? `${formatTime(date)} to ${formatTime(endsAt)}` : formatTime(date);
}

function details(encounter: EncounterDetail) {
  const times = timesText(encounter.date, encounter.hasTime, encounter.endsAt);
  return [
    { term: 'Kind', value: encounter.kindLabel },
    ...(encounter.booked
      ? [{ term: 'Status', value: "Booked, not held yet. Record it as held on the pupil's page: until then it counts towards no benchmark." }]
      : []),
    {
      term: 'When',
      value: (
        <>
          <DateText value={encounter.date} />
          {times ? `, ${times}` : null}
        </>
      ),
    },
    { term: 'Length', value: `${encounter.hours.toLocaleString('en-GB')} ${encounter.hours === 1 ? 'hour' : 'hours'}` },
    { term: 'In the school day', value: encounter.inSchoolDay ? 'Yes' : 'No' },
    { term: 'Year groups', value: formatYearGroups(encounter.yearGroups) },
    ...(encounter.location ? [{ term: 'Place', value: encounter.location }] : []),
    ...(encounter.subject ? [{ term: 'Subject', value: encounter.subject }] : []),
    ...(encounter.adviserName || encounter.adviserLevel != null
      ? [{ term: 'Adviser', value: `${encounter.adviserName ?? 'Not recorded'}${encounter.adviserLevel != null ? `, level ${encounter.adviserLevel}` : ''}` }]
      : []),
    {
      term: 'Counts towards',
      value: encounter.benchmarks.length ? (
        <ul className="wm-plain-list" style={{ margin: 0 }}>
          {encounter.benchmarks.map((number) => (
            <li key={number}>
              Benchmark {number}: {benchmarkName(number)}
            </li>
          ))}
        </ul>
      ) : (
        'No benchmark'
      ),
    },
    { term: 'Hashtags', value: encounter.hashtags.length ? encounter.hashtags.map((tag) => `#${tag}`).join(' ') : 'None' },
    ...(encounter.employers.length ? [{ term: 'Organisations', value: encounter.employers.map((employer) => employer.name).join(', ') }] : []),
  ];
}

/** One encounter: its details, how meaningful it was, its register (attendance, reflections), inviting and importing. */
export function EncounterPage({ encounterId, justSaved }: EncounterPageProps) {
  const { encounter, loading, error, refetch, invite, markAttendance, importRegister, recordGroupReflection } = useEncounter(encounterId);

  if (!encounter) {
    return (
      <>
        {back}
        <PageHeader title="Encounter" />
        {loading ? <Loading label="Loading the encounter…" /> : null}
        {!loading && error ? (
          <ErrorPanel title="The encounter could not be loaded" onRetry={() => void refetch()}>
            {isForbidden(error.errors) ? 'Only staff of the school that ran this encounter can see it.' : error.message}
          </ErrorPanel>
        ) : null}
        {!loading && !error ? (
          <Section title="No encounter to show">
            <p>This encounter could not be found, or it is not one you can see.</p>
          </Section>
        ) : null}
      </>
    );
  }

  const ticked = encounter.checklistItems.filter((item) => item.ticked).length;
  return (
    <>
      {back}
      <PageHeader
        title={encounter.title}
        caption={encounter.kindLabel}
        actions={
          <a className="wm-button wm-button--secondary" href={routeHref({ view: 'edit-encounter', encounterId })}>
            Edit encounter
          </a>
        }
      />
      {justSaved ? (
        <Notice title={justSaved === 'recorded' ? 'Encounter recorded' : 'Changes saved'}>
          {justSaved === 'recorded'
            ? `“${encounter.title}” has been recorded with ${formatNumber(encounter.attendedCount)} of ${formatNumber(encounter.invitedCount)} pupils attending.`
            : `“${encounter.title}” has been updated.`}
        </Notice>
      ) : null}
      {error ? <ErrorPanel title="Part of this encounter could not be loaded">{error.message}</ErrorPanel> : null}

      <Section title="Details">
        <SummaryList items={details(encounter)} />
      </Section>

      <Section
        title="Meaningful checklist"
        description="An encounter counts towards a pupil's benchmarks only when every point is met, the pupil attended, and they reflected: in their own words, or in reflection time the school records for the group."
      >
        <p>
          <strong>
            {encounter.checklistMet ? 'Every point is met.' : `${ticked} of ${encounter.checklistItems.length} points met: this encounter does not count yet.`}
          </strong>
        </p>
        <ul className="wm-plain-list">
          {encounter.checklistItems.map((item) => (
            <li key={item.key}>
              <span className={item.ticked ? 'wm-tag wm-tag--met' : 'wm-tag wm-tag--not-met'}>{item.ticked ? 'Met' : 'Not met'}</span> {item.label}
            </li>
          ))}
        </ul>
        {!encounter.checklistMet ? (
          <p>
            <a href={routeHref({ view: 'edit-encounter', encounterId })}>Change the checklist</a>
          </p>
        ) : null}
      </Section>

      <Section title="Register">
        <RegisterTable
          encounterId={encounter.id}
          encounter={encounter}
          entries={encounter.participations}
          checklistMet={encounter.checklistMet}
          onMark={markAttendance}
        />
      </Section>

      <GroupReflectionSection
        attended={encounter.participations.filter((row) => row.attended).length}
        recorded={encounter.participations.filter((row) => row.attended && row.groupReflectionOn).length}
        onRecord={recordGroupReflection}
      />
      <VolunteerFeedbackSection encounterId={encounter.id} />
      <InviteSection onInvite={invite} />
      <ImportRegisterSection onImport={importRegister} />
    </>
  );
}
