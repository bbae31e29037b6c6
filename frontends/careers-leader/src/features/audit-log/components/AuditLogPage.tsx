import { request, required } from '@waymark/graphql-client';
import { Button, ErrorPanel, formatNumber, isForbidden, Loading, PageHeader, Section } from '@waymark/ui';
import { useState } from 'react';
import { downloadFile, todayIso } from '../../../shared/download';
import { AUDIT_EVENTS_CSV_QUERY, type AuditFilter } from '../graphql/auditLog';
import { useAuditLog } from '../hooks/useAuditLog';
import { auditCsvFileName, NO_AUDIT_FILTER } from '../lib/auditFilters';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFiltersForm } from './AuditFiltersForm';

type DownloadState = { status: 'idle' } | { status: 'fetching' } | { status: 'done'; fileName: string } | { status: 'error'; message: string };

export interface AuditLogPageProps {
  /** Opened from a pupil's page: only that pupil's events, to begin with. */
  pupilId: string | null;
  /** Whether the reader can open pupils' records (careers leaders can; a data protection lead cannot). */
  linkPupils?: boolean;
}

/**
 * The school's data access log, for its careers leader and data protection officer: who looked at,
 * downloaded or changed which pupil's sensitive details, and when.
 */
export function AuditLogPage({ pupilId, linkPupils = true }: AuditLogPageProps) {
  const [filter, setFilter] = useState<AuditFilter>({ ...NO_AUDIT_FILTER, pupilId });
  const [names, setNames] = useState<{ pupil: string | null; actor: string | null }>({ pupil: null, actor: null });
  const [download, setDownload] = useState<DownloadState>({ status: 'idle' });
  const log = useAuditLog(filter);

  const pupilName = names.pupil ?? (filter.pupilId ? (log.events.find((event) => event.pupilId === filter.pupilId)?.pupilName ?? null) : null);
  const actorName =
    names.actor ?? (filter.actorAccountId ? (log.events.find((event) => event.actorAccountId === filter.actorAccountId)?.actorName ?? null) : null);

  const startDownload = async () => {
    setDownload({ status: 'fetching' });
    try {
      const csv = required((await request(AUDIT_EVENTS_CSV_QUERY, { filter })).auditEventsCsv);
      const fileName = auditCsvFileName(todayIso());
      downloadFile(csv, fileName, 'text/csv;charset=utf-8');
      setDownload({ status: 'done', fileName });
      // The download is itself in the log.
      void log.reload();
    } catch (error) {
      setDownload({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const forbidden = log.error ? isForbidden(log.error.errors) : false;
  const shown = log.events.length;
  const summary = log.totalCount == null ? '' : `Showing ${formatNumber(shown)} of ${formatNumber(log.totalCount)} events`;

  return (
    <>
      <PageHeader
        title="Data access log"
        description="Every time someone looked at, downloaded or changed a pupil's sensitive details — vulnerable groups, date of birth, guidance meeting notes — it is recorded here. Events are kept for six years. Only the school's careers leader and data protection lead can see this log."
      />
      {forbidden ? (
        <ErrorPanel title="You cannot see this log">
          <p>Only the careers leader or data protection lead of a school can see its data access log.</p>
        </ErrorPanel>
      ) : (
        <Section title="Find events">
          <AuditFiltersForm
            filter={filter}
            pupilName={pupilName}
            actorName={actorName}
            onApply={(next) => {
              if (!next.pupilId) setNames((previous) => ({ ...previous, pupil: null }));
              if (!next.actorAccountId) setNames((previous) => ({ ...previous, actor: null }));
              setFilter(next);
            }}
          />
          <div className="wm-button-row">
            <Button variant="secondary" onClick={() => void startDownload()} disabled={download.status === 'fetching'}>
              {download.status === 'fetching' ? 'Preparing the download…' : 'Download these events (CSV)'}
            </Button>
          </div>
          <p role="status" aria-live="polite" className="wm-muted">
            {download.status === 'done' ? `Downloaded ${download.fileName}. The download is recorded in the log. ` : ''}
            {log.loading ? '' : summary}
          </p>
          {download.status === 'error' ? (
            <ErrorPanel title="The download did not work" headingLevel={3}>
              {download.message}
            </ErrorPanel>
          ) : null}
          {log.error ? (
            <ErrorPanel title="The log could not be loaded" headingLevel={3} onRetry={() => void log.reload()}>
              {log.error.message}
            </ErrorPanel>
          ) : null}
          {log.loading && shown === 0 ? <Loading label="Loading the log…" /> : null}
          {!log.loading || shown > 0 ? (
            <AuditEventsTable
              events={log.events}
              linkPupils={linkPupils}
              onPupil={(id, name) => {
                setNames((previous) => ({ ...previous, pupil: name }));
                setFilter((previous) => ({ ...previous, pupilId: id }));
              }}
              onActor={(id, name) => {
                setNames((previous) => ({ ...previous, actor: name }));
                setFilter((previous) => ({ ...previous, actorAccountId: id }));
              }}
            />
          ) : null}
          {log.hasNextPage ? (
            <div className="wm-button-row">
              <Button variant="secondary" onClick={() => void log.loadMore()} disabled={log.loadingMore}>
                {log.loadingMore ? 'Loading more events…' : 'Load more'}
              </Button>
            </div>
          ) : null}
        </Section>
      )}
    </>
  );
}
