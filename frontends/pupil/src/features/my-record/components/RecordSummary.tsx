import { Section, StatCard, StatGrid, SummaryList } from '@waymark/ui';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { attendedActivities, recordFigures } from '../lib/record';
import { ActivitiesTable } from './ActivitiesTable';
import type { Audience } from './audience';
import { DestinationsSection } from './DestinationsSection';

/** The record itself, read-only: key figures, details, every activity attended, destinations. */
export function RecordSummary({ record, audience }: { record: PupilRecordView; audience: Audience }) {
  const attended = attendedActivities(record);
  // Covered as the benchmark engine says, the same answer My progress and the download give (src/shared/coverage.ts).
  const { covered } = recordFigures(record);
  const pupil = audience.kind === 'pupil';
  return (
    <>
      <StatGrid label={pupil ? 'Your careers record in numbers' : `${audience.childName}'s careers record in numbers`}>
        <StatCard label="Activities attended" value={attended.length} />
        <StatCard
          label="Gatsby benchmarks done"
          value={covered ? covered.length : '–'}
          hint={!covered ? 'Not available just now' : covered.length ? `Benchmark${covered.length === 1 ? '' : 's'} ${covered.join(', ')}` : 'None yet'}
        />
        <StatCard label="Intended destination" value={record.intendedDestination?.kindLabel ?? 'Not recorded'} />
      </StatGrid>

      <Section title={pupil ? 'Your details' : 'Details'}>
        <SummaryList
          items={[
            { term: 'Name', value: record.displayName },
            { term: 'School', value: record.school?.name ?? 'Not recorded' },
            { term: 'Year group', value: record.yearGroup != null ? `Year ${record.yearGroup}` : 'Not recorded' },
            { term: 'Tutor group', value: record.tutorGroup ?? 'Not recorded' },
          ]}
        />
      </Section>

      <Section title={pupil ? 'Activities you attended' : `Activities ${audience.childName} attended`} description="Newest first.">
        {record.participations ? (
          <ActivitiesTable activities={attended} audience={audience} />
        ) : (
          <p className="wm-muted">The activities could not be loaded just now. Try again later.</p>
        )}
      </Section>

      <DestinationsSection record={record} audience={audience} />
    </>
  );
}
