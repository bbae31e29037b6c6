import { DESTINATION_STAGES, DESTINATION_STAGE_LABELS } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { DataTable, DateText, Section, type Column } from '@waymark/ui';
import type { DestinationStage, PupilRecord, StaffDestination, StaffParticipation } from '../graphql/pupilRecord';
import { SectionProblem } from './SectionProblem';

type Activity = StaffParticipation & { encounter: NonNullable<StaffParticipation['encounter']> };

const activityColumns = (showSchool: boolean): Column<Activity>[] => [
  { key: 'date', header: 'Date', render: (row) => <DateText value={row.encounter.date} /> },
  { key: 'title', header: 'Activity', rowHeader: true, render: (row) => row.encounter.title },
  { key: 'kind', header: 'Kind', render: (row) => row.encounter.kindLabel },
  ...(showSchool ? [{ key: 'school', header: 'School', render: (row: Activity) => row.encounter.school?.name ?? '–' }] : []),
  { key: 'benchmarks', header: 'Gatsby benchmarks', render: (row) => (row.encounter.benchmarks.length ? row.encounter.benchmarks.join(', ') : '–') },
  { key: 'attended', header: 'Attended', render: (row) => (row.attended ? 'Yes' : 'No') },
];

export function ActivitiesSection({ pupil, errors }: { pupil: PupilRecord; errors: readonly GraphQLErrorItem[] }) {
  const activities = (pupil.participations ?? [])
    .filter((row): row is Activity => row.encounter != null)
    .sort((a, b) => Date.parse(b.encounter.date) - Date.parse(a.encounter.date));
  const schools = new Set(activities.map((row) => row.encounter.school?.name ?? ''));
  const attended = activities.filter((row) => row.attended).length;
  return (
    <Section
      title="Careers activities"
      description={`Every activity ${pupil.firstName} was invited to, newest first. Attended ${attended} of ${activities.length}.`}
    >
      <SectionProblem items={errors} what="activities" />
      {pupil.participations ? (
        <DataTable
          caption={`${pupil.displayName}'s careers activities`}
          captionHidden
          columns={activityColumns(schools.size > 1)}
          rows={activities}
          rowKey={(row) => row.id}
          emptyText="No activities have been recorded for this pupil."
        />
      ) : null}
    </Section>
  );
}

const STAGES: Record<DestinationStage, string> = DESTINATION_STAGE_LABELS;
const STAGE_ORDER: readonly string[] = DESTINATION_STAGES;

const destinationColumns: Column<StaffDestination>[] = [
  { key: 'stage', header: 'Stage', rowHeader: true, render: (row) => STAGES[row.stage] ?? row.stage },
  { key: 'kind', header: 'Destination', render: (row) => row.kindLabel },
  { key: 'provider', header: 'Provider', render: (row) => row.provider ?? '–' },
  { key: 'recorded', header: 'Recorded', render: (row) => <DateText value={row.recordedOn} /> },
];

export function DestinationsSection({ pupil, errors }: { pupil: PupilRecord; errors: readonly GraphQLErrorItem[] }) {
  const rows = [...(pupil.destinations ?? [])].sort(
    (a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || Date.parse(b.recordedOn) - Date.parse(a.recordedOn),
  );
  return (
    <Section title="Destinations">
      <SectionProblem items={errors} what="destinations" />
      {pupil.destinations ? (
        <DataTable
          caption={`${pupil.displayName}'s destinations`}
          captionHidden
          columns={destinationColumns}
          rows={rows}
          rowKey={(row) => row.id}
          emptyText="No destinations have been recorded."
        />
      ) : null}
    </Section>
  );
}

type Enrolment = NonNullable<PupilRecord['enrolments']>[number];

const enrolmentColumns: Column<Enrolment>[] = [
  { key: 'school', header: 'School', rowHeader: true, render: (row) => row.school?.name ?? 'Another school' },
  { key: 'started', header: 'Joined', render: (row) => <DateText value={row.startedOn} /> },
  { key: 'left', header: 'Left', render: (row) => (row.leftOn ? <DateText value={row.leftOn} /> : 'On roll') },
];

export function EnrolmentsSection({ pupil, errors }: { pupil: PupilRecord; errors: readonly GraphQLErrorItem[] }) {
  const rows = [...(pupil.enrolments ?? [])].sort((a, b) => Date.parse(b.startedOn) - Date.parse(a.startedOn));
  return (
    <Section title="Schools" description="The schools this pupil has been on roll at, most recent first.">
      <SectionProblem items={errors} what="school history" />
      {pupil.enrolments ? (
        <DataTable
          caption={`Schools ${pupil.displayName} has attended`}
          captionHidden
          columns={enrolmentColumns}
          rows={rows}
          rowKey={(row) => `${row.school?.id ?? 'other'}-${row.startedOn}`}
          emptyText="No enrolments are recorded."
        />
      ) : null}
    </Section>
  );
}
