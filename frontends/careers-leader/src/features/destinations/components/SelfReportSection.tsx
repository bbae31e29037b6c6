import { formatDay } from '@waymark/domain';
import { Button, DataTable, ErrorPanel, Loading, Notice, Section, type Column } from '@waymark/ui';
import { useState } from 'react';
import type { MadeLink, SelfReportView, useSelfReports } from '../hooks/useSelfReports';
import { reportSummary, selfReportLink } from '../lib/selfReports';

/** One made link: the address in a read-only box to select, and a button that copies it. */
function LinkCell({ link }: { link: MadeLink }) {
  const [copied, setCopied] = useState(false);
  const address = selfReportLink(window.location.origin, link.token);
  const id = `self-report-link-${link.pupil.id}`;
  return (
    <div>
      <label className="wm-visually-hidden" htmlFor={id}>
        Link for {link.pupil.displayName}
      </label>
      <input id={id} className="wm-input" readOnly value={address} onFocus={(event) => event.target.select()} style={{ width: '100%' }} />
      <Button
        type="button"
        variant="secondary"
        aria-label={`${copied ? 'Copied' : 'Copy'} the link for ${link.pupil.displayName}`}
        onClick={() =>
          void navigator.clipboard
            ?.writeText(address)
            .then(() => setCopied(true))
            .catch(() => setCopied(false))
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}

/**
 * Leavers tell the school what they are doing now: private links to send them (made here or from the
 * list above), their reports waiting to be confirmed or rejected, and the links not used yet. A report
 * counts in no figure until it is confirmed.
 */
export function SelfReportSection({ selfReports, onDecided }: { selfReports: ReturnType<typeof useSelfReports>; onDecided: () => void }) {
  const { reports, made, notice } = selfReports;
  const pending = reports?.filter((report) => report.status === 'PENDING') ?? [];
  const awaiting = reports?.filter((report) => report.status === 'AWAITING') ?? [];

  const madeColumns: Column<MadeLink>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (link) => link.pupil.displayName },
    { key: 'link', header: 'Link', render: (link) => <LinkCell link={link} /> },
    { key: 'until', header: 'Works until', render: (link) => formatDay(link.expiresAt) },
  ];
  const pendingColumns: Column<SelfReportView>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (report) => report.pupil.displayName },
    { key: 'said', header: 'What they said', render: (report) => reportSummary(report) },
    { key: 'when', header: 'Sent', render: (report) => formatDay(report.submittedAt) },
    {
      key: 'decide',
      header: 'Decision',
      render: (report) => (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--wm-space-sm)' }}>
          <Button
            type="button"
            aria-label={`Confirm the report of ${report.pupil.displayName}`}
            onClick={() => void selfReports.decide(report, true).then(onDecided)}
          >
            Confirm
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={`Reject the report of ${report.pupil.displayName}`}
            onClick={() => void selfReports.decide(report, false)}
          >
            Reject
          </Button>
        </div>
      ),
    },
  ];
  const awaitingColumns: Column<SelfReportView>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (report) => report.pupil.displayName },
    { key: 'made', header: 'Link made', render: (report) => formatDay(report.createdAt) },
    { key: 'until', header: 'Works until', render: (report) => formatDay(report.expiresAt) },
  ];

  return (
    <Section
      title="Leavers' own reports"
      description="Send a leaver a private link so they can tell you what they are doing now. A link works once, for 60 days, and shows them only your school's name and their first name. What they send waits here: it counts in no figure until you confirm it. Waymark does not email the links: copy each one into your own message."
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--wm-space-sm)' }}>
        <Button type="button" variant="secondary" onClick={() => void selfReports.makeLinksForWorklist()}>
          Make links for everyone to follow up
        </Button>
      </div>
      {notice?.kind === 'done' ? (
        <Notice title="Done" headingLevel={3}>
          {notice.text}
        </Notice>
      ) : null}
      {notice?.kind === 'problem' ? (
        <ErrorPanel title="That did not work" headingLevel={3}>
          {notice.text}
        </ErrorPanel>
      ) : null}
      {made.length > 0 ? (
        <>
          <h3>Links to send</h3>
          <p>Each link is shown only now. If you lose one, make a new link: the old one then stops working.</p>
          <DataTable caption="Links to send" captionHidden columns={madeColumns} rows={made} rowKey={(link) => link.pupil.id} emptyText="" />
        </>
      ) : null}
      {selfReports.loading && !reports ? <Loading label="Loading leavers' reports…" /> : null}
      {!selfReports.loading && !reports ? (
        <ErrorPanel title="Leavers' reports could not be loaded" headingLevel={3} onRetry={() => void selfReports.refetch()}>
          {selfReports.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {reports ? (
        <>
          <h3>Waiting for you to confirm</h3>
          <DataTable
            caption="Reports waiting for you to confirm"
            captionHidden
            columns={pendingColumns}
            rows={pending}
            rowKey={(report) => report.id}
            emptyText="No reports are waiting."
          />
          <h3>Links not used yet</h3>
          <DataTable
            caption="Links not used yet"
            captionHidden
            columns={awaitingColumns}
            rows={awaiting}
            rowKey={(report) => report.id}
            emptyText="Every link you made has been used or has run out."
          />
        </>
      ) : null}
    </Section>
  );
}
