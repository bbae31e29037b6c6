import { Button, ErrorPanel, formatNumber, Loading, PageHeader, Section } from '@waymark/ui';
import type { PupilFilters } from '../graphql/pupils';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { usePupilList } from '../hooks/usePupilList';
import { PupilFiltersForm } from './PupilFiltersForm';
import { PupilsExport } from './PupilsExport';
import { PupilsTable } from './PupilsTable';

export interface PupilsPageProps {
  /** Kept by the workspace, so they are still set on coming back from a pupil's page. */
  filters: PupilFilters;
  onFiltersChange: (filters: PupilFilters) => void;
}

export function PupilsPage({ filters, onFiltersChange }: PupilsPageProps) {
  // Typing waits for a pause before asking; choices apply at once.
  const search = useDebouncedValue(filters.search);
  const tutorGroup = useDebouncedValue(filters.tutorGroup);
  const list = usePupilList({ yearGroup: filters.yearGroup, groups: filters.groups, search, tutorGroup });

  const shown = list.pupils.length;
  const summary =
    list.totalCount == null ? `Showing ${formatNumber(shown)} pupils` : `Showing ${formatNumber(shown)} of ${formatNumber(list.totalCount)} pupils`;

  return (
    <>
      <PageHeader
        title="Pupils"
        description="Pupils on roll at your school. Filter by year group, tutor group or vulnerable group, or search by name, then open a pupil to see their whole record or download the list."
      />
      <Section title="Find pupils">
        <PupilFiltersForm filters={filters} onChange={onFiltersChange} />
        <p role="status" aria-live="polite" className="wm-muted">
          {list.loading ? '' : summary}
        </p>
        {list.error ? (
          <ErrorPanel title="Pupils could not be loaded" headingLevel={3} onRetry={() => void list.reload()}>
            {list.error.message}
          </ErrorPanel>
        ) : null}
        {list.loading && shown === 0 ? <Loading label="Loading pupils…" /> : null}
        {!list.loading || shown > 0 ? <PupilsTable pupils={list.pupils} /> : null}
        {list.hasNextPage ? (
          <div className="wm-button-row">
            <Button variant="secondary" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading more pupils…' : 'Load more'}
            </Button>
          </div>
        ) : null}
      </Section>
      <Section
        title="Download"
        description="Every pupil matching the filters above, not only those shown, with their groups. Keep the file as safely as the record."
      >
        <PupilsExport filters={{ yearGroup: filters.yearGroup, groups: filters.groups, search, tutorGroup }} total={list.totalCount} />
      </Section>
    </>
  );
}
