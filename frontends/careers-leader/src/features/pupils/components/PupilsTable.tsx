import { DataTable, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import type { PupilRow } from '../graphql/pupils';
import { pupilGroups } from '../lib/pupilList';

function GroupTags({ pupil }: { pupil: PupilRow }) {
  const groups = pupilGroups(pupil);
  if (!pupil.flags) return <span className="wm-muted">Not shown</span>;
  if (groups.length === 0) return <span className="wm-muted">None</span>;
  return (
    <ul className="wm-tag-list">
      {groups.map((group) => (
        <li key={group.flag}>
          <span className="wm-tag" title={group.label}>
            {group.short}
          </span>
        </li>
      ))}
    </ul>
  );
}

const columns: Column<PupilRow>[] = [
  {
    key: 'name',
    header: 'Name',
    rowHeader: true,
    // A plain link to the pupil's page: the workspace follows the fragment, so new tabs and Back work too.
    render: (pupil) => <a href={routeHref({ view: 'pupil', pupilId: pupil.id })}>{pupil.displayName}</a>,
  },
  { key: 'year', header: 'Year group', render: (pupil) => (pupil.yearGroup != null ? `Year ${pupil.yearGroup}` : 'Not recorded') },
  { key: 'tutor', header: 'Tutor group', render: (pupil) => pupil.tutorGroup ?? 'Not recorded' },
  { key: 'groups', header: 'Groups', render: (pupil) => <GroupTags pupil={pupil} /> },
];

export function PupilsTable({ pupils }: { pupils: PupilRow[] }) {
  return <DataTable caption="Pupils" captionHidden columns={columns} rows={pupils} rowKey={(pupil) => pupil.id} emptyText="No pupils match these filters." />;
}
