import { DataTable, DateText, formatNumber, type Column } from '@waymark/ui';
import { formatYearGroups } from '../../../shared/encounterKinds';
import { routeHref } from '../../../shared/route';
import type { EncounterListRow } from '../graphql/encounters';
import { encounterRowTitle } from '../lib/encounterFilters';

const columns: Column<EncounterListRow>[] = [
  { key: 'date', header: 'Date', render: (encounter) => <DateText value={encounter.date} /> },
  {
    key: 'title',
    header: 'Title',
    rowHeader: true,
    render: (encounter) => (
      <a href={routeHref({ view: 'encounter', encounterId: encounter.id })}>{encounterRowTitle(encounter.title, encounter.soloPupil?.displayName)}</a>
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

export function EncountersTable({ encounters, filtered }: { encounters: EncounterListRow[]; filtered: boolean }) {
  return (
    <DataTable
      caption="Encounters, newest first"
      captionHidden
      columns={columns}
      rows={encounters}
      rowKey={(encounter) => encounter.id}
      emptyText={filtered ? 'No encounters match these filters.' : 'No encounters have been recorded yet.'}
    />
  );
}
