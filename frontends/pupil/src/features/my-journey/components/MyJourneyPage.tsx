import { useQuery, type SessionAccount } from '@waymark/graphql-client';
import { todayInEngland } from '@waymark/domain';
import { errorsAt, PageHeader } from '@waymark/ui';
import { RecordNotReady } from '../../../shared/RecordNotReady';
import { PartProblem } from '../../my-progress/components/PartProblem';
import { MY_JOURNEY_QUERY } from '../graphql/myJourney';
import { PupilJourneyTimeline } from './PupilJourneyTimeline';
import { RateActivitiesSection } from '../../activity-ratings/components/RateActivitiesSection';

const PUPIL = { kind: 'pupil' } as const;

/** "My journey": everything the pupil has done across the years, newest first, by school year, filterable by interest and benchmark. */
export function MyJourneyPage({ account }: { account: SessionAccount }) {
  const query = useQuery(MY_JOURNEY_QUERY);
  const record = query.data?.myPupilRecord ?? null;

  if (!record) {
    return (
      <>
        <PageHeader title="My journey" />
        <RecordNotReady
          displayName={account.displayName}
          loading={query.loading}
          loadingLabel="Loading your journey…"
          error={query.error}
          errorTitle="Your journey could not be loaded"
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }

  const errors = (field: string) => errorsAt(query.error, ['myPupilRecord', field]);
  return (
    <>
      <PageHeader
        title="My journey"
        caption={record.yearGroup != null ? `Year ${record.yearGroup}` : undefined}
        description="Everything you have done for your careers, newest first: activities at school, things you did yourself, your reflections, and what you agreed with a careers adviser. Choose an interest or a benchmark to see just those."
      />
      <PartProblem items={errors('participations')} what="school activities and reflections" />
      <PartProblem items={errors('ownActivities')} what="own activities" />
      <PartProblem items={errors('guidanceMeetings')} what="agreed actions" />
      <RateActivitiesSection />
      <PupilJourneyTimeline source={record} audience={PUPIL} view="journey" headingLevel={2} today={todayInEngland()} />
    </>
  );
}
