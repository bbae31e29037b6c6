import { DataTable, DateText, formatNumber, type Column } from '@waymark/ui';
import type { Engagement } from '../graphql/myVolunteerProfile';

const columns: Column<Engagement>[] = [
  { key: 'date', header: 'Date', render: (engagement) => <DateText value={engagement.date} /> },
  { key: 'title', header: 'Encounter', rowHeader: true, render: (engagement) => engagement.title },
  { key: 'kind', header: 'Kind', render: (engagement) => engagement.kindLabel },
  { key: 'school', header: 'School', render: (engagement) => engagement.school?.name ?? 'Not recorded' },
  { key: 'invited', header: 'Pupils invited', numeric: true, render: (engagement) => formatNumber(engagement.invitedCount) },
  { key: 'attended', header: 'Pupils attended', numeric: true, render: (engagement) => formatNumber(engagement.attendedCount) },
];

export function EngagementsTable({ engagements }: { engagements: Engagement[] }) {
  return (
    <DataTable
      caption="Your encounters, newest first"
      captionHidden
      columns={columns}
      rows={engagements}
      rowKey={(engagement) => engagement.id}
      emptyText="No encounters have been recorded with you yet."
    />
  );
}
