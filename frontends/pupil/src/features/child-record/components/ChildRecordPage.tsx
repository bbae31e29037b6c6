import { useQuery } from '@waymark/graphql-client';
import { errorsAt, ErrorPanel, Loading, PageHeader, Section, SelectField } from '@waymark/ui';
import { useState } from 'react';
import { ageOn } from '../../../shared/age';
import { MyDataSection } from '../../my-data/components/MyDataSection';
import type { Audience } from '../../my-record/components/audience';
import { CommentsSection } from '../../my-record/components/CommentsSection';
import { ConsentSection } from '../../my-record/components/ConsentSection';
import { DownloadRecordButton } from '../../my-record/components/DownloadRecordButton';
import { RecordSummary } from '../../my-record/components/RecordSummary';
import { useRecordActions } from '../../my-record/hooks/useRecordActions';
import { MeasuresSection } from '../../my-progress/components/MeasuresSection';
import { WorkExperienceSection } from '../../my-progress/components/WorkExperienceSection';
import { MY_CHILDREN_QUERY } from '../graphql/myChildren';
import { ChildActionsSection } from './ChildActionsSection';
import { ChildJourneySection } from './ChildJourneySection';
import { ParentSurveysSection } from './ParentSurveysSection';

/** A parent or carer reads their child's record and progress (read-only), sets consent while the child is under 16, and comments. */
export function ChildRecordPage() {
  const query = useQuery(MY_CHILDREN_QUERY);
  const children = query.data?.myChildren ?? [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const index = Math.max(
    0,
    children.findIndex((child) => child.id === chosenId),
  );
  const child = children[index] ?? null;
  const actions = useRecordActions(child?.id ?? null, query.refetch);

  if (query.loading && !query.data) {
    return (
      <>
        <PageHeader title="Your child's record" />
        <Loading label="Loading your child's record…" />
      </>
    );
  }

  if (!child) {
    return (
      <>
        <PageHeader title="Your child's record" />
        {query.error ? (
          <ErrorPanel title="The record could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : (
          <Section title="No record to show yet">
            <p>
              Your account is not linked to a child whose school shares careers records with parents and carers. If you think it should be, ask your child's
              school.
            </p>
          </Section>
        )}
        <MyDataSection audience="parent" />
      </>
    );
  }

  const audience: Audience = { kind: 'parent', childName: child.firstName };
  const errors = (field: string) => errorsAt(query.error, ['myChildren', index, field]);

  return (
    <>
      <PageHeader
        title={`${child.displayName}'s record`}
        caption={child.school?.name}
        description={`The careers activities ${child.firstName} has taken part in, how far they have got with the Gatsby Benchmarks, and their plans for after school. You can read it, and add comments for the school.`}
        actions={<DownloadRecordButton record={child} whose="this" />}
      />
      {children.length > 1 ? (
        <form className="wm-toolbar" aria-label="Choose a child" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label="Whose record"
            name="child"
            options={children.map((entry) => ({ value: entry.id, label: entry.displayName }))}
            value={child.id}
            onChange={(event) => setChosenId(event.target.value)}
          />
        </form>
      ) : null}
      <RecordSummary key={child.id} record={child} audience={audience} />
      <MeasuresSection key={`progress-${child.id}`} progress={child.benchmarkProgress} errors={errors('benchmarkProgress')} childName={child.firstName} />
      {child.benchmarkProgress ? <WorkExperienceSection tally={child.benchmarkProgress.workExperience} /> : null}
      <ChildActionsSection key={`actions-${child.id}`} childName={child.firstName} meetings={child.guidanceMeetings} errors={errors('guidanceMeetings')} />
      <ChildJourneySection key={`journey-${child.id}`} child={child} errors={errors} />
      <ConsentSection
        key={`consent-${child.id}`}
        audience={audience}
        consent={child.consent}
        errors={errors('consent')}
        age={ageOn(child.dateOfBirth, new Date())}
        onSave={actions.saveConsent}
      />
      <CommentsSection key={`comments-${child.id}`} audience={audience} comments={child.comments} errors={errors('comments')} onAdd={actions.addComment} />
      <ParentSurveysSection />
      <MyDataSection audience="parent" />
    </>
  );
}
