import { DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import type { SustainedCount } from '../graphql/destinations';
import { useSustainedSummary } from '../hooks/useDestinations';

const columns: Column<SustainedCount>[] = [
  { key: 'left', header: 'Left Year 11', rowHeader: true, render: (row) => `Summer ${row.leavingYear}, year ${row.year}` },
  { key: 'sustained', header: 'Sustained', numeric: true, render: (row) => row.sustained },
  { key: 'not', header: 'Not sustained', numeric: true, render: (row) => row.notSustained },
  { key: 'early', header: 'Too early to tell', numeric: true, render: (row) => row.tooEarly },
  { key: 'unknown', header: 'Not known', numeric: true, render: (row) => row.notKnown },
];

/** How many leavers stayed in education, employment or an apprenticeship, year by year (from the spells recorded). */
export function SustainedSection() {
  const summary = useSustainedSummary();
  const rows = summary.data?.sustainedSummary ?? null;
  return (
    <Section
      title="Sustained destinations"
      description="Of the leavers you have recorded spells for: how many were sustained in each of their first three years after Year 11."
    >
      {summary.loading && !rows ? <Loading label="Loading the figures…" /> : null}
      {!summary.loading && !rows ? (
        <ErrorPanel title="The figures could not be loaded" headingLevel={3} onRetry={() => void summary.refetch()}>
          {summary.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {rows ? (
        <DataTable
          caption="Sustained destinations"
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(row) => `${row.leavingYear}-${row.year}`}
          emptyText="No spells are recorded yet."
        />
      ) : null}
    </Section>
  );
}
