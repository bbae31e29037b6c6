import { useQuery, type SessionAccount } from '@waymark/graphql-client';
import { errorsAt, ErrorPanel, Loading, PageHeader, Section } from '@waymark/ui';
import { ageOn } from '../../../shared/age';
import { MyDataSection } from '../../my-data/components/MyDataSection';
import { MY_PUPIL_RECORD_QUERY, MY_RECORD_EXTRAS_QUERY } from '../graphql/myPupilRecord';
import { useRecordActions } from '../hooks/useRecordActions';
import type { Audience } from './audience';
import { CommentsSection } from './CommentsSection';
import { ConsentSection } from './ConsentSection';
import { DownloadRecordButton } from './DownloadRecordButton';
import { RecordSummary } from './RecordSummary';

const AUDIENCE: Audience = { kind: 'pupil' };

/** The pupil's own record: activities, details, destinations, consent (theirs to change from 16), comments, and the PDF. */
export function MyRecordPage({ account }: { account: SessionAccount }) {
  const query = useQuery(MY_PUPIL_RECORD_QUERY);
  const extras = useQuery(MY_RECORD_EXTRAS_QUERY);
  const record = query.data?.myPupilRecord ?? null;
  const actions = useRecordActions(record?.id ?? null, extras.refetch);

  if (query.loading && !record) {
    return (
      <>
        <PageHeader title="My record" />
        <Loading label="Loading your record…" />
      </>
    );
  }

  if (!record) {
    return (
      <>
        <PageHeader title="My record" />
        {query.error ? (
          <ErrorPanel title="Your record could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : (
          <Section title="No pupil record yet">
            <p>There is no pupil record linked to {account.displayName}'s account. If you think this is wrong, ask your school's careers leader.</p>
          </Section>
        )}
        <MyDataSection audience="pupil" />
      </>
    );
  }

  const extra = extras.data?.myPupilRecord ?? null;
  // The whole extras request failing (e.g. the fields are not there yet) shows as an error on each section.
  const extrasErrors = (field: string) => (extras.error && !extra ? extras.error.errors : errorsAt(extras.error, ['myPupilRecord', field]));

  return (
    <>
      <PageHeader
        title="My record"
        caption={record.school?.name}
        description="The careers activities you have taken part in and your plans for after school."
        actions={<DownloadRecordButton record={record} whose="my" />}
      />
      {query.error ? <ErrorPanel title="Part of your record could not be loaded">{query.error.message}</ErrorPanel> : null}
      <RecordSummary record={record} audience={AUDIENCE} />
      {extras.loading && !extra ? <Loading label="Loading your consent settings and comments…" /> : null}
      {!extras.loading || extra ? (
        <>
          <ConsentSection
            audience={AUDIENCE}
            consent={extra?.consent ?? null}
            errors={extrasErrors('consent')}
            age={ageOn(record.dateOfBirth, new Date())}
            onSave={actions.saveConsent}
          />
          <CommentsSection audience={AUDIENCE} comments={extra?.comments ?? null} errors={extrasErrors('comments')} />
        </>
      ) : null}
      <MyDataSection audience="pupil" />
    </>
  );
}
