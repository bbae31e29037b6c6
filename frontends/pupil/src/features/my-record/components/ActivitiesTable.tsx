import { DataTable, DateText, type Column } from '@waymark/ui';
import type { AttendedActivity } from '../lib/record';
import { subject, type Audience } from './audience';

const columns: Column<AttendedActivity>[] = [
  { key: 'date', header: 'Date', render: (activity) => <DateText value={activity.date} /> },
  { key: 'title', header: 'Activity', rowHeader: true, render: (activity) => activity.title },
  { key: 'kind', header: 'Kind', render: (activity) => activity.kindLabel },
  {
    key: 'benchmarks',
    header: 'Gatsby benchmarks it is about',
    render: (activity) => (activity.benchmarks.length ? activity.benchmarks.join(', ') : '–'),
  },
];

export function ActivitiesTable({ activities, audience }: { activities: AttendedActivity[]; audience: Audience }) {
  const { has, who } = subject(audience);
  return (
    <DataTable
      caption={audience.kind === 'pupil' ? 'Careers activities you attended' : `Careers activities ${who} attended`}
      captionHidden
      columns={columns}
      rows={activities}
      rowKey={(activity) => activity.participationId}
      emptyText={`${has.charAt(0).toUpperCase()}${has.slice(1)} not attended any recorded careers activities yet.`}
    />
  );
}
