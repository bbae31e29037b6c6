import { Button, ErrorPanel, formatNumber, Loading, PageHeader, Section } from '@waymark/ui';
import { useEncounterList } from '../hooks/useEncounterList';
import { hasEncounterFilters, type EncounterFilters } from '../lib/encounterFilters';
import { EncounterFiltersForm } from './EncounterFiltersForm';
import { EncountersTable } from './EncountersTable';

export interface EncountersPageProps {
  /** From the address (shared/route.ts), so a link, a reload or Back shows the same list. */
  filters: EncounterFilters;
  onFiltersChange: (filters: EncounterFilters) => void;
  onRecordNew: () => void;
}

export function EncountersPage({ filters, onFiltersChange, onRecordNew }: EncountersPageProps) {
  const list = useEncounterList(filters);
  const filtered = hasEncounterFilters(filters);
  const shown = list.encounters.length;
  const noun = filtered ? 'matching encounters' : 'encounters';
  const summary =
    list.totalCount == null ? `Showing ${formatNumber(shown)} ${noun}` : `Showing ${formatNumber(shown)} of ${formatNumber(list.totalCount)} ${noun}`;

  return (
    <>
      <PageHeader
        title="Encounters"
        description="Careers encounters recorded for your school, newest first. Narrow them by kind, dates, benchmark, year group or title."
        actions={<Button onClick={onRecordNew}>Record an encounter</Button>}
      />
      <Section title="Find encounters">
        <EncounterFiltersForm filters={filters} onApply={onFiltersChange} />
        <p role="status" aria-live="polite" className="wm-muted">
          {list.loading ? '' : summary}
        </p>
        {list.error ? (
          <ErrorPanel title="Encounters could not be loaded" headingLevel={3} onRetry={() => void list.reload()}>
            {list.error.message}
          </ErrorPanel>
        ) : null}
        {list.loading && shown === 0 ? <Loading label="Loading encounters…" /> : null}
        {!list.error && (!list.loading || shown > 0) ? <EncountersTable encounters={list.encounters} filtered={filtered} /> : null}
        {list.hasNextPage ? (
          <div className="wm-button-row">
            <Button variant="secondary" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading more encounters…' : 'Load more'}
            </Button>
          </div>
        ) : null}
      </Section>
    </>
  );
}
