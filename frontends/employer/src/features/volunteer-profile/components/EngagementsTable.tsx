import { Button, DataTable, DateText, formatNumber, type Column } from '@waymark/ui';
import type { Engagement } from '../graphql/myVolunteerProfile';

function columns(onFeedback: (engagement: Engagement) => void): Column<Engagement>[] {
  return [
    { key: 'date', header: 'Date', render: (engagement) => <DateText value={engagement.date} /> },
    { key: 'title', header: 'Encounter', rowHeader: true, render: (engagement) => engagement.title },
    { key: 'kind', header: 'Kind', render: (engagement) => engagement.kindLabel },
    { key: 'school', header: 'School', render: (engagement) => engagement.school?.name ?? 'Not recorded' },
    { key: 'invited', header: 'Pupils invited', numeric: true, render: (engagement) => formatNumber(engagement.invitedCount) },
    { key: 'attended', header: 'Pupils attended', numeric: true, render: (engagement) => formatNumber(engagement.attendedCount) },
    {
      key: 'feedback',
      header: 'Feedback',
      render: (engagement) =>
        engagement.canGiveFeedback || engagement.volunteerThanks.length > 0 ? (
          <Button variant="secondary" className="wm-button--small" onClick={() => onFeedback(engagement)}>
            {engagement.engagementFeedback.length > 0 ? 'Change feedback' : 'Give feedback'}
            <span className="wm-visually-hidden"> on {engagement.title}</span>
          </Button>
        ) : (
          'After it happens'
        ),
    },
  ];
}

export function EngagementsTable({ engagements, onFeedback }: { engagements: Engagement[]; onFeedback: (engagement: Engagement) => void }) {
  return (
    <DataTable
      caption="Your encounters, newest first"
      captionHidden
      columns={columns(onFeedback)}
      rows={engagements}
      rowKey={(engagement) => engagement.id}
      emptyText="No encounters have been recorded with you yet."
    />
  );
}
