import type { SessionAccount } from '@waymark/graphql-client';
import { PageHeader } from '@waymark/ui';
import { RecordNotReady } from '../../../shared/RecordNotReady';
import { useMyFuture } from '../hooks/useMyFuture';
import { AfterYear11Section } from './AfterYear11Section';
import { HopesSection } from './HopesSection';
import { PlanSection } from './PlanSection';

/** "My future": what the pupil plans to do after Year 11 or 13, and what they hope to do one day. */
export function MyFuturePage({ account }: { account: SessionAccount }) {
  const future = useMyFuture();
  const { record } = future;

  if (!record) {
    return (
      <>
        <PageHeader title="My future" />
        <RecordNotReady
          displayName={account.displayName}
          loading={future.loading}
          loadingLabel="Loading your plans…"
          error={future.error}
          errorTitle="Your plans could not be loaded"
          onRetry={() => void future.refetch()}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My future"
        caption={record.yearGroup != null ? `Year ${record.yearGroup}` : undefined}
        description="Your plans for after school, and your hopes for one day. Your school's careers staff can see them and help you get there."
      />
      <PlanSection
        yearGroup={record.yearGroup ?? null}
        current={record.currentIntention ?? null}
        history={record.intentions ?? null}
        errors={[...future.errorsFor('intentions'), ...future.errorsFor('currentIntention')]}
        onSave={future.recordIntention}
      />
      <AfterYear11Section years={record.destinationYears ?? null} errors={future.errorsFor('destinationYears')} />
      <HopesSection aspirations={record.aspirations ?? null} errors={future.errorsFor('aspirations')} onSave={future.recordAspiration} />
    </>
  );
}
