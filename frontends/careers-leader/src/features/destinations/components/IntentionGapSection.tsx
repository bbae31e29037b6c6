import { DataTable, Section, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import type { IntentionGapList } from '../graphql/destinations';

type Missing = IntentionGapList['missing'][number];

const columns: Column<Missing>[] = [
  {
    key: 'name',
    header: 'Pupil',
    rowHeader: true,
    render: (pupil) => <a href={routeHref({ view: 'pupil', pupilId: pupil.id, from: { view: 'destinations' } })}>{pupil.displayName}</a>,
  },
  { key: 'tutor', header: 'Tutor group', render: (pupil) => pupil.tutorGroup ?? '' },
];

/** The pupils of one year group who have not said what they plan to do next. */
export function IntentionGapSection({ yearGroup, list }: { yearGroup: 11 | 13; list: IntentionGapList | null }) {
  const title = `Year ${yearGroup}: no plan yet`;
  return (
    <Section
      title={title}
      description={`Pupils in Year ${yearGroup} with no intended destination recorded. They can add their plan in their own portal ("My future"), or you can ask them.`}
    >
      {list ? (
        <>
          <p>
            <strong>{list.missing.length}</strong> of {list.onRoll} pupils in Year {yearGroup} have no plan yet.
          </p>
          <DataTable
            caption={title}
            captionHidden
            columns={columns}
            rows={[...list.missing].sort((a, b) => a.displayName.localeCompare(b.displayName))}
            rowKey={(pupil) => pupil.id}
            emptyText={`Every pupil in Year ${yearGroup} has a plan recorded.`}
          />
        </>
      ) : (
        <p className="wm-inset">This list could not be loaded just now. Try again later.</p>
      )}
    </Section>
  );
}
