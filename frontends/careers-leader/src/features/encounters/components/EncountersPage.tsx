import { Button, ErrorPanel, formatNumber, Loading, Notice, PageHeader, Section } from '@waymark/ui';
import type { EncounterSummary } from '../../../shared/types';
import { useEncounters } from '../hooks/useEncounters';
import { EncountersTable } from './EncountersTable';

export interface EncountersPageProps {
  /** The encounter recorded just before arriving here, confirmed at the top. */
  justRecorded?: EncounterSummary | null;
  onRecordNew: () => void;
}

export function EncountersPage({ justRecorded, onRecordNew }: EncountersPageProps) {
  const { encounters, listed, totalCount, data, loading, error, refetch } = useEncounters(justRecorded);

  return (
    <>
      <PageHeader
        title="Encounters"
        description="Careers encounters recorded for your school, newest first."
        actions={<Button onClick={onRecordNew}>Record an encounter</Button>}
      />
      {justRecorded ? (
        <Notice title="Encounter recorded">
          <p>
            “{justRecorded.title}” has been recorded with {formatNumber(justRecorded.attendedCount)} of {formatNumber(justRecorded.invitedCount)} pupils
            attending. It is now in the list below.
          </p>
        </Notice>
      ) : null}
      {error ? (
        <ErrorPanel title="Encounters could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      <Section
        title="Recorded encounters"
        description={totalCount != null && totalCount > encounters.length ? `The latest ${encounters.length} of ${formatNumber(totalCount)}.` : undefined}
      >
        {loading && !data ? (
          <Loading label="Loading encounters…" />
        ) : listed || justRecorded ? (
          <EncountersTable encounters={encounters} highlightId={justRecorded?.id} />
        ) : null}
      </Section>
    </>
  );
}
