import { Section, SummaryList } from '@waymark/ui';
import type { DestinationStage, MyPupilRecord } from '../graphql/myPupilRecord';

const STAGE_LABELS: Record<DestinationStage, string> = {
  INTENDED: 'What you plan to do',
  IMMEDIATE: 'On leaving school',
  YEAR_1: 'One year after leaving',
  YEAR_2: 'Two years after leaving',
  YEAR_3: 'Three years after leaving',
};

const STAGE_ORDER: DestinationStage[] = ['INTENDED', 'IMMEDIATE', 'YEAR_1', 'YEAR_2', 'YEAR_3'];

export function DestinationsSection({ record }: { record: MyPupilRecord }) {
  const later = record.destinations
    .filter((destination) => destination.stage !== 'INTENDED')
    .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));

  return (
    <Section title="Your intended destination">
      {record.intendedDestination ? (
        <p>
          You plan to go on to: <strong>{record.intendedDestination.kindLabel}</strong>
        </p>
      ) : (
        <p>Your intended destination has not been recorded yet. Talk to your careers adviser about your plans.</p>
      )}
      {later.length ? (
        <>
          <h3>Where you went</h3>
          <SummaryList items={later.map((destination) => ({ term: STAGE_LABELS[destination.stage], value: destination.kindLabel }))} />
        </>
      ) : null}
    </Section>
  );
}
