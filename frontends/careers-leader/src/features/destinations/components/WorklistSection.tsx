import { Button, DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import type { FollowUpEntry } from '../graphql/destinations';
import { useWorklist } from '../hooks/useDestinations';
import { followUpView, sortWorklist, worklistSummary } from '../lib/worklist';

/**
 * Leavers who are NEET or not known now, have nothing recorded for today, or have nothing recorded
 * at all yet: who to contact next, and what to do for each (record a spell, or first record their
 * agreement to being followed on their record).
 */
export function WorklistSection({ onRecord, onLink }: { onRecord: (pupilId: string) => void; onLink?: (pupilId: string) => void }) {
  const worklist = useWorklist();
  const columns: Column<FollowUpEntry>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (entry) => entry.pupil.displayName },
    { key: 'left', header: 'Left Year 11', render: (entry) => `Summer ${entry.leavingYear}` },
    {
      key: 'status',
      header: 'Now',
      render: (entry) => {
        const view = followUpView(entry);
        return (
          <>
            <span className={view.tag}>{view.status}</span>
            {view.details ? <p className="wm-muted">{view.details}</p> : null}
          </>
        );
      },
    },
    {
      key: 'next',
      header: 'Next step',
      render: (entry) =>
        followUpView(entry).action === 'agreement' ? (
          <a
            href={routeHref({ view: 'pupil', pupilId: entry.pupil.id, from: { view: 'destinations' } })}
            aria-label={`Record their agreement (${entry.pupil.displayName})`}
          >
            Record their agreement
          </a>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--wm-space-sm)' }}>
            <Button type="button" variant="secondary" aria-label={`Record a spell for ${entry.pupil.displayName}`} onClick={() => onRecord(entry.pupil.id)}>
              Record a spell
            </Button>
            {onLink ? (
              <Button
                type="button"
                variant="secondary"
                aria-label={`Make a self-report link for ${entry.pupil.displayName}`}
                onClick={() => onLink(entry.pupil.id)}
              >
                Make a self-report link
              </Button>
            ) : null}
          </div>
        ),
    },
  ];
  const list = worklist.data?.destinationsWorklist ?? null;
  return (
    <Section
      title="Leavers to follow up"
      description="Year 11 leavers in their first three years after Year 11 who are not in education, employment or training, whose activity today is not known or not recorded, or who have nothing recorded yet. Following a leaver needs their agreement, recorded under 'Consent and sharing' on their record."
    >
      {worklist.loading && !list ? <Loading label="Loading leavers to follow up…" /> : null}
      {!worklist.loading && !list ? (
        <ErrorPanel title="This list could not be loaded" headingLevel={3} onRetry={() => void worklist.refetch()}>
          {worklist.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {list ? (
        <>
          {list.length > 0 ? <p>{worklistSummary(list)}</p> : null}
          <DataTable
            caption="Leavers to follow up"
            captionHidden
            columns={columns}
            rows={sortWorklist(list)}
            rowKey={(entry) => entry.pupil.id}
            emptyText="Nobody to follow up: every leaver in their first three years after Year 11 is in education, employment or training today."
          />
        </>
      ) : null}
    </Section>
  );
}
