import { DataTable, DateText, type Column } from '@waymark/ui';
import type { AttendedActivity } from '../hooks/useMyPupilRecord';

const columns: Column<AttendedActivity>[] = [
  { key: 'date', header: 'Date', render: (activity) => <DateText value={activity.date} /> },
  { key: 'title', header: 'Activity', rowHeader: true, render: (activity) => activity.title },
  { key: 'kind', header: 'Kind', render: (activity) => activity.kindLabel },
  {
    key: 'benchmarks',
    header: 'Gatsby benchmarks',
    render: (activity) => (activity.benchmarks.length ? activity.benchmarks.join(', ') : '–'),
  },
];

export function ActivitiesTable({ activities }: { activities: AttendedActivity[] }) {
  return (
    <DataTable
      caption="Careers activities you attended"
      captionHidden
      columns={columns}
      rows={activities}
      rowKey={(activity) => activity.participationId}
      emptyText="You have not attended any recorded careers activities yet."
    />
  );
}
