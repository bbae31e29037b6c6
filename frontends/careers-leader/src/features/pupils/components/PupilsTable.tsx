import { DataTable, type Column } from '@waymark/ui';
import type { PupilRow } from '../graphql/pupils';

const columns: Column<PupilRow>[] = [
  { key: 'name', header: 'Name', rowHeader: true, render: (pupil) => pupil.displayName },
  { key: 'year', header: 'Year group', render: (pupil) => (pupil.yearGroup != null ? `Year ${pupil.yearGroup}` : 'Not recorded') },
  { key: 'tutor', header: 'Tutor group', render: (pupil) => pupil.tutorGroup ?? 'Not recorded' },
];

export function PupilsTable({ pupils }: { pupils: PupilRow[] }) {
  return (
    <DataTable
      caption="Pupils"
      captionHidden
      columns={columns}
      rows={pupils}
      rowKey={(pupil) => pupil.id}
      emptyText="No pupils match these filters."
    />
  );
}
