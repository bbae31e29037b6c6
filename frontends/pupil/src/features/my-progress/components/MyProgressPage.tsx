import type { SessionAccount } from '@waymark/graphql-client';
import { PageHeader } from '@waymark/ui';
import { RecordNotReady } from '../../../shared/RecordNotReady';
import { useMyProgress } from '../hooks/useMyProgress';
import { ActionsSection } from './ActionsSection';
import { InterestsSection } from './InterestsSection';
import { MeasuresSection } from './MeasuresSection';
import { OwnActivitiesSection } from './OwnActivitiesSection';
import { ReflectionsSection } from './ReflectionsSection';
import { UpcomingSection } from './UpcomingSection';
import { WorkExperienceSection } from './WorkExperienceSection';
import { ReadinessSection } from '../../readiness/components/ReadinessSection';

/** "My progress": the pupil's benchmarks and evidence, work experience, what is coming up, their actions, reflections, own activities and interests. */
export function MyProgressPage({ account }: { account: SessionAccount }) {
  const progress = useMyProgress();
  const { record } = progress;

  if (!record) {
    return (
      <>
        <PageHeader title="My progress" />
        <RecordNotReady
          displayName={account.displayName}
          loading={progress.loading}
          loadingLabel="Loading your progress…"
          error={progress.error}
          errorTitle="Your progress could not be loaded"
          onRetry={() => void progress.refetch()}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My progress"
        caption={record.yearGroup != null ? `Year ${record.yearGroup}` : undefined}
        description="How you are getting on with the careers experiences every young person should have, and what to do next."
      />
      <MeasuresSection progress={record.benchmarkProgress} errors={progress.errorsFor('benchmarkProgress')} />
      {record.benchmarkProgress ? <WorkExperienceSection tally={record.benchmarkProgress.workExperience} /> : null}
      <UpcomingSection encounters={record.upcomingEncounters} errors={progress.errorsFor('upcomingEncounters')} />
      <ActionsSection meetings={record.guidanceMeetings} errors={progress.errorsFor('guidanceMeetings')} onDone={progress.setActionDone} />
      <ReflectionsSection participations={record.participations} errors={progress.errorsFor('participations')} onSave={progress.recordReflection} />
      <OwnActivitiesSection activities={record.ownActivities} errors={progress.errorsFor('ownActivities')} onSubmit={progress.submitOwnActivity} />
      <InterestsSection
        interests={record.interests}
        considering={record.consideringHigherEducation}
        errors={[...progress.errorsFor('interests'), ...progress.errorsFor('consideringHigherEducation')]}
        onSaveInterests={progress.setInterests}
        onConsideringChange={progress.setConsidering}
      />
      <ReadinessSection />
    </>
  );
}
