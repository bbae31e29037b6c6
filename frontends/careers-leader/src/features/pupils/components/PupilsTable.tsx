import { DataTable, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import type { PupilRow } from '../graphql/pupils';

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
];

export function PupilsTable({ pupils }: { pupils: PupilRow[] }) {
  return <DataTable caption="Pupils" captionHidden columns={columns} rows={pupils} rowKey={(pupil) => pupil.id} emptyText="No pupils match these filters." />;
}
