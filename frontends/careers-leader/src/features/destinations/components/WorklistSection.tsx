import { Button, DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import type { FollowUpEntry } from '../graphql/destinations';
import { useWorklist } from '../hooks/useDestinations';

/** Leavers who are NEET or not known now, or have nothing recorded for today: who to contact next. */
export function WorklistSection({ onShow }: { onShow: (pupilId: string) => void }) {
  const worklist = useWorklist();
  const columns: Column<FollowUpEntry>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (entry) => entry.pupil.displayName },
    { key: 'left', header: 'Left Year 11', render: (entry) => `Summer ${entry.leavingYear}` },
    { key: 'why', header: 'Why', render: (entry) => entry.reason },
    {
      key: 'show',
      header: 'Destinations',
      render: (entry) => (
        <Button type="button" variant="secondary" aria-label={`Show destinations of ${entry.pupil.displayName}`} onClick={() => onShow(entry.pupil.id)}>
          Show
        </Button>
      ),
    },
  ];
  const list = worklist.data?.destinationsWorklist ?? null;
  return (
    <Section
      title="Leavers to follow up"
      description="Leavers in their first three years after Year 11 who are not in education, employment or training, or whose activity today is not known or not recorded."
    >
      {worklist.loading && !list ? <Loading label="Loading leavers to follow up…" /> : null}
      {!worklist.loading && !list ? (
        <ErrorPanel title="This list could not be loaded" headingLevel={3} onRetry={() => void worklist.refetch()}>
          {worklist.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {list ? (
        <DataTable
          caption="Leavers to follow up"
          captionHidden
          columns={columns}
          rows={[...list].sort((a, b) => a.pupil.displayName.localeCompare(b.pupil.displayName))}
          rowKey={(entry) => entry.pupil.id}
          emptyText="Nobody to follow up: every leaver you record is in education, employment or training today."
        />
      ) : null}
    </Section>
  );
}
