import { useQuery } from '@waymark/graphql-client';
import { ErrorPanel, Loading, PageHeader } from '@waymark/ui';
import { SCHOOL_SETTINGS_QUERY } from '../graphql/settings';
import { ParentAccessSection } from './ParentAccessSection';
import { RolloverSection } from './RolloverSection';

/** For the careers leader: parents' access to records, and starting a new academic year. */
export function SchoolSettingsPage() {
  const query = useQuery(SCHOOL_SETTINGS_QUERY);
  const school = query.data?.schools?.[0] ?? null;
  return (
    <>
      <PageHeader title="School settings" caption={school?.name} description="Settings for your whole school. Only careers leaders can change them." />
      {query.loading && !query.data ? <Loading label="Loading your school's settings…" /> : null}
      {query.error && !school ? (
        <ErrorPanel title="The settings could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {school ? (
        <>
          <ParentAccessSection enabled={school.parentAccessEnabled} onChanged={() => void query.refetch()} />
          <RolloverSection schoolName={school.name} />
        </>
      ) : null}
    </>
  );
}
