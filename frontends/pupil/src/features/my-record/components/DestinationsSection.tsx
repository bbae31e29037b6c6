import { Section, SummaryList } from '@waymark/ui';
import type { PupilRecordView } from '../graphql/myPupilRecord';
import { LATER_STAGE_LABELS, laterDestinations } from '../lib/record';
import type { Audience } from './audience';

export function DestinationsSection({ record, audience }: { record: PupilRecordView; audience: Audience }) {
  const later = laterDestinations(record);
  const pupil = audience.kind === 'pupil';
  const destination = record.intendedDestination;
  return (
    <Section title={pupil ? 'Your intended destination' : 'Intended destination'}>
      {destination ? (
        <p>
          {pupil ? 'You plan to go on to' : `${audience.childName} plans to go on to`}:{' '}
          <strong>{[destination.kindLabel, destination.provider].filter(Boolean).join(', ')}</strong>
        </p>
      ) : (
        <p>
          {pupil
            ? 'Your intended destination has not been recorded yet. Talk to your careers adviser about your plans.'
            : 'No intended destination has been recorded yet.'}
        </p>
      )}
      {later.length ? (
        <>
          <h3>{pupil ? 'Where you went' : `Where ${audience.childName} went`}</h3>
          <SummaryList items={later.map((entry) => ({ term: LATER_STAGE_LABELS[entry.stage], value: entry.kindLabel }))} />
        </>
      ) : null}
    </Section>
  );
}
