import { Button, Checkbox, DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import { useState } from 'react';
import { routeHref } from '../../../shared/route';
import type { FollowUpEntry } from '../graphql/destinations';
import { useWorklist } from '../hooks/useDestinations';
import { followUpView, sortWorklist, worklistSummary } from '../lib/worklist';
import { BULK_CHOICES, canChoose, leaversFor, recordedFor } from '../lib/bulkChoice';
import { BulkSpellForm, CHOICE_ID, chooseId } from './BulkSpellForm';

/**
 * Leavers who are NEET or not known now, have nothing recorded for today, or have nothing recorded
 * at all yet: who to contact next, and what to do for each (record a spell, or first record their
 * agreement to being followed on their record).
 */
export function WorklistSection({ onRecord, onLink }: { onRecord: (pupilId: string) => void; onLink?: (pupilId: string) => void }) {
  const worklist = useWorklist();
  // Leavers chosen for one status at once (BulkSpellForm), and what the last bulk entry did.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const toggle = (pupilId: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(pupilId);
      else next.delete(pupilId);
      return next;
    });
  const columns: Column<FollowUpEntry>[] = [
    {
      key: 'choose',
      header: <span className="wm-visually-hidden">Choose</span>,
      render: (entry) =>
        canChoose(entry) ? (
          <Checkbox
            id={chooseId(entry.pupil.id)}
            label={<span className="wm-visually-hidden">Choose {entry.pupil.displayName}</span>}
            checked={chosen.has(entry.pupil.id)}
            onChange={(event) => toggle(entry.pupil.id, event.target.checked)}
          />
        ) : null,
    },
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
          {list.some(canChoose) ? (
            <div className="wm-button-row" id={CHOICE_ID} tabIndex={-1} role="group" aria-label="Choose leavers for one status">
              {BULK_CHOICES.map((choice) => {
                const ids = leaversFor(list, choice.value);
                return (
                  <Button key={choice.value} type="button" variant="secondary" disabled={ids.length === 0} onClick={() => setChosen(new Set(ids))}>
                    Choose all {choice.label} ({ids.length})
                  </Button>
                );
              })}
              <Button type="button" variant="secondary" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>
                Clear the choice
              </Button>
            </div>
          ) : null}
          <DataTable
            caption="Leavers to follow up"
            captionHidden
            columns={columns}
            rows={sortWorklist(list)}
            rowKey={(entry) => entry.pupil.id}
            emptyText="Nobody to follow up: every leaver in their first three years after Year 11 is in education, employment or training today."
          />
          {list.some(canChoose) ? (
            <BulkSpellForm
              entries={list}
              status={done}
              chosen={list.filter((entry) => chosen.has(entry.pupil.id)).map((entry) => entry.pupil.id)}
              onRecorded={async (count) => {
                setDone(null);
                setChosen(new Set());
                // Said once the list shows it.
                await worklist.refetch();
                setDone(recordedFor(count));
              }}
            />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
