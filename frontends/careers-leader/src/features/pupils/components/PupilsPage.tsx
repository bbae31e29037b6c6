import { Button, ErrorPanel, formatNumber, Loading, PageHeader, Section } from '@waymark/ui';
import { useState } from 'react';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { usePupilList } from '../hooks/usePupilList';
import { PupilFiltersForm } from './PupilFiltersForm';
import { PupilsTable } from './PupilsTable';

export function PupilsPage() {
  const [yearGroup, setYearGroup] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search);
  const list = usePupilList({ yearGroup, search: settledSearch });

  const shown = list.pupils.length;
  const summary =
    list.totalCount == null ? `Showing ${formatNumber(shown)} pupils` : `Showing ${formatNumber(shown)} of ${formatNumber(list.totalCount)} pupils`;

  return (
    <>
      <PageHeader title="Pupils" description="Pupils on roll at your school. Filter by year group or search by name." />
      <Section title="Find pupils">
        <PupilFiltersForm yearGroup={yearGroup} search={search} onYearGroupChange={setYearGroup} onSearchChange={setSearch} />
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
    </>
  );
}
