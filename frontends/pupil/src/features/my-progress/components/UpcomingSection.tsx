import { formatTime } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { DataTable, DateText, Section, type Column } from '@waymark/ui';
import type { UpcomingEncounter } from '../graphql/myProgress';
import { soonestFirst } from '../lib/progress';
import { PartProblem } from './PartProblem';

const columns: Column<UpcomingEncounter>[] = [
  {
    key: 'date',
    header: 'Date',
    render: (encounter) => (
      <>
        <DateText value={encounter.date} />
        {encounter.hasTime ? ` at ${formatTime(encounter.date)}` : null}
      </>
    ),
  },
  {
    key: 'title',
    header: 'Activity',
    rowHeader: true,
    render: (encounter) => (
      <>
        {encounter.title}
        {encounter.location ? <span className="wm-muted"> (where: {encounter.location})</span> : null}
      </>
    ),
  },
  { key: 'kind', header: 'Kind', render: (encounter) => encounter.kindLabel },
  { key: 'tags', header: 'Topics', render: (encounter) => (encounter.hashtags.length ? encounter.hashtags.map((tag) => `#${tag}`).join(' ') : '–') },
];

/** Careers activities coming up for the pupil: ones they are invited to, or for their year group (matching their interests when they have set some). */
export function UpcomingSection({ encounters, errors }: { encounters: UpcomingEncounter[] | null; errors: readonly GraphQLErrorItem[] }) {
  return (
    <Section title="Coming up" description="Careers activities you are invited to, or that are for your year group and match your interests.">
      <PartProblem items={errors} what="upcoming activities" />
      {encounters ? (
        <DataTable
          caption="Careers activities coming up"
          captionHidden
          columns={columns}
          rows={soonestFirst(encounters)}
          rowKey={(encounter) => encounter.id}
          emptyText="Nothing is planned for you yet."
        />
      ) : null}
    </Section>
  );
}
