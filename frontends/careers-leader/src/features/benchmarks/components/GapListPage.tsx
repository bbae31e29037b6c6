import { Button, DataTable, ErrorPanel, formatNumber, isForbidden, Loading, PageHeader, Section, type Column } from '@waymark/ui';
import { useState } from 'react';
import { measureInfo, STATE_LABELS } from '../../../shared/benchmarks';
import { downloadFile, todayIso } from '../../../shared/download';
import { routeHref, type GapQuery } from '../../../shared/route';
import type { GapRow } from '../graphql/dashboard';
import { useGapList } from '../hooks/useGapList';
import { BookGuidanceGapSection } from './BookGuidanceGapSection';
import { InviteGapSection } from './InviteGapSection';
import { gapListCsv, gapListFileName } from '../lib/gapsCsv';
import { groupLabel } from '../../../shared/vulnerableGroups';

export interface GapListPageProps {
  query: GapQuery;
  /** Pupil names link to their records (staff of the school); trust analysts see plain names. */
  linkPupils: boolean;
}

type DownloadState =
  | { status: 'idle' }
  | { status: 'fetching'; loaded: number; total: number | null }
  | { status: 'done'; fileName: string; count: number }
  | { status: 'error'; message: string };

const STATE_TAG: Record<string, string> = { MET: 'wm-tag wm-tag--met', IN_PROGRESS: 'wm-tag wm-tag--progress', NOT_MET: 'wm-tag wm-tag--not-met' };

/** "Year 10 pupils in the group “Young carer” who have not met this measure as of 01/03/2026, including those part-way there." */
export function gapListDescription(filters: { yearGroup: number | null; group: string | null; asOf: string | null }): string {
  const who = filters.yearGroup != null ? `Year ${filters.yearGroup} pupils` : 'Pupils in every year group';
  const group = filters.group ? ` in the group “${groupLabel(filters.group)}”` : '';
  const when = filters.asOf ? ` as of ${filters.asOf.split('-').reverse().join('/')}` : '';
  return `${who}${group} who have not met this measure${when}, including those part-way there.`;
}

function columns(linkPupils: boolean, query: GapQuery): Column<GapRow>[] {
  return [
    {
      key: 'pupil',
      header: 'Pupil',
      rowHeader: true,
      render: (row) =>
        row.pupil ? (
          linkPupils ? (
            <a href={routeHref({ view: 'pupil', pupilId: row.pupil.id, from: { view: 'gaps', query } })}>{row.pupil.displayName}</a>
          ) : (
            row.pupil.displayName
          )
        ) : (
          'Not available'
        ),
    },
    { key: 'upn', header: 'UPN', render: (row) => row.pupil?.upn ?? '–' },
    { key: 'year', header: 'Year group', render: (row) => `Year\u00a0${row.yearGroup}` },
    { key: 'tutor', header: 'Tutor group', render: (row) => row.pupil?.tutorGroup ?? '–' },
    { key: 'state', header: 'State', render: (row) => <span className={STATE_TAG[row.state] ?? 'wm-tag'}>{STATE_LABELS[row.state] ?? row.state}</span> },
    { key: 'detail', header: 'What they have so far', render: (row) => row.detail },
  ];
}

/** The pupils missing out on one measure (not met, or only part-way), with a CSV download of all of them. */
export function GapListPage({ query, linkPupils }: GapListPageProps) {
  const list = useGapList(query);
  const [download, setDownload] = useState<DownloadState>({ status: 'idle' });
  const info = measureInfo(query.measure);
  const filters = { yearGroup: query.yearGroup, group: query.group, asOf: query.asOf };
  const back = query.schoolId
    ? { href: routeHref({ view: 'school', schoolId: query.schoolId, filters }), text: "Back to the school's benchmarks" }
    : { href: routeHref({ view: 'dashboard', filters }), text: 'Back to the benchmarks' };

  const startDownload = async () => {
    setDownload({ status: 'fetching', loaded: 0, total: list.totalCount });
    try {
      const rows = await list.fetchAll((loaded, total) => setDownload({ status: 'fetching', loaded, total }));
      const fileName = gapListFileName(query, todayIso());
      downloadFile(gapListCsv(rows), fileName, 'text/csv;charset=utf-8');
      setDownload({ status: 'done', fileName, count: rows.length });
    } catch (error) {
      setDownload({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const forbidden = list.error ? isForbidden(list.error.errors) : false;
  const total = list.totalCount;

  return (
    <>
      <a className="wm-back-link" href={back.href}>
        {back.text}
      </a>
      <PageHeader title="Pupils missing out" caption={info.label} description={gapListDescription(filters)} />
      {forbidden ? (
        <ErrorPanel title="You cannot see these pupils">
          <p>Lists of individual pupils are only for staff of the school and for trust analysts with pupil-level access.</p>
        </ErrorPanel>
      ) : list.error ? (
        <ErrorPanel title="The list could not be loaded" onRetry={() => void list.reload()}>
          {list.error.message}
        </ErrorPanel>
      ) : null}

      {!forbidden ? (
        <Section
          title="Download"
          description="A spreadsheet (CSV) of every pupil on this list: name, UPN, year group, tutor group, state and what they have so far."
        >
          <div className="wm-download">
            <Button variant="secondary" onClick={() => void startDownload()} disabled={download.status === 'fetching' || list.loading || total === 0}>
              {download.status === 'fetching' ? 'Preparing the CSV…' : 'Download CSV'}
            </Button>
            <p role="status" className={download.status === 'error' ? 'wm-field__error' : 'wm-muted'}>
              {download.status === 'fetching'
                ? `Fetched ${formatNumber(download.loaded)}${download.total != null ? ` of ${formatNumber(download.total)}` : ''} pupils…`
                : null}
              {download.status === 'done' ? `Downloaded ${download.fileName} with ${formatNumber(download.count)} pupils.` : null}
              {download.status === 'error' ? `The CSV could not be made: ${download.message}` : null}
            </p>
          </div>
        </Section>
      ) : null}

      {!forbidden && linkPupils && total != null && total > 0 ? (
        <>
          <InviteGapSection fetchAll={list.fetchAll} total={total} listName={`Pupils missing out: ${info.short}`} />
          <BookGuidanceGapSection fetchAll={list.fetchAll} total={total} />
        </>
      ) : null}

      {!forbidden ? (
        <Section title="Pupils" description={total != null ? `${formatNumber(total)} ${total === 1 ? 'pupil' : 'pupils'}, by year group.` : undefined}>
          <p role="status" aria-live="polite" className="wm-muted">
            {list.loading ? '' : `Showing ${formatNumber(list.rows.length)}${total != null ? ` of ${formatNumber(total)}` : ''} pupils.`}
          </p>
          {list.loading ? <Loading label="Loading the pupils missing out…" /> : null}
          {!list.loading ? (
            <DataTable
              caption={`Pupils missing out: ${info.short}`}
              captionHidden
              columns={columns(linkPupils, query)}
              rows={list.rows}
              rowKey={(row) => row.pupil?.id ?? `${row.yearGroup}-${row.detail}`}
              emptyText="Nobody is missing out on this measure."
            />
          ) : null}
          {list.hasNextPage ? (
            <div className="wm-button-row">
              <Button variant="secondary" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
                {list.loadingMore ? 'Loading more pupils…' : 'Load more'}
              </Button>
            </div>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
