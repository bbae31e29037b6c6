import { DataTable, DateText, formatNumber, type Column } from '@waymark/ui';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { routeHref } from '../../../shared/route';
import type { EncounterSummary } from '../../../shared/types';

function columns(highlightId?: string): Column<EncounterSummary>[] {
  return [
    { key: 'date', header: 'Date', render: (encounter) => <DateText value={encounter.date} /> },
    {
      key: 'title',
      header: 'Title',
      rowHeader: true,
      render: (encounter) => (
        <>
          <a href={routeHref({ view: 'encounter', encounterId: encounter.id })}>{encounter.title}</a>
          {encounter.id === highlightId ? (
            <>
              {' '}
              <span className="wm-tag">New</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'kind', header: 'Kind', render: (encounter) => encounter.kindLabel },
    { key: 'years', header: 'Year groups', render: (encounter) => formatYearGroups(encounter.yearGroups) },
    {
      key: 'attendance',
      header: 'Attended',
      numeric: true,
      render: (encounter) => `${formatNumber(encounter.attendedCount)} of ${formatNumber(encounter.invitedCount)}`,
    },
  ];
}

export function EncountersTable({ encounters, highlightId }: { encounters: EncounterSummary[]; highlightId?: string }) {
  return (
    <DataTable
      caption="Encounters, newest first"
      captionHidden
      columns={columns(highlightId)}
      rows={encounters}
      rowKey={(encounter) => encounter.id}
      emptyText="No encounters have been recorded yet."
    />
  );
}
