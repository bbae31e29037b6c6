import { DataTable, ErrorPanel, formatDate, Loading, Section, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import { useSelfEvaluationSummary } from '../hooks/useSnapshots';
import { percentOf, READINGS } from '../lib/selfEvaluation';
import { changeSince, latestSnapshot, snapshotDay } from '../lib/snapshots';

interface SummaryRow {
  benchmark: number;
  name: string;
  score: number;
  achieved: number;
  areaCount: number;
  reading: keyof typeof READINGS;
  change: string;
}

const COLUMNS: Column<SummaryRow>[] = [
  { key: 'benchmark', header: 'Benchmark', rowHeader: true, render: (b) => `${b.benchmark}. ${b.name}` },
  {
    key: 'score',
    header: 'Score',
    numeric: true,
    render: (b) => (
      <>
        <strong>{percentOf(b.score)}</strong>{' '}
        <span className="wm-muted">
          ({b.achieved} of {b.areaCount})
        </span>
      </>
    ),
  },
  { key: 'reading', header: 'Reading', render: (b) => <span className={READINGS[b.reading].tag}>{READINGS[b.reading].label}</span> },
  { key: 'change', header: 'Change', render: (b) => b.change },
];

/**
 * The eight self-evaluation scores heading the school's benchmark dashboard: each score with its
 * red/amber/green reading in words and how far it has moved since the last snapshot, and a link to
 * the self-evaluation page.
 */
export function DashboardSummary() {
  const summary = useSelfEvaluationSummary();
  const last = latestSnapshot(summary.snapshots);
  const rows: SummaryRow[] = (summary.evaluation?.benchmarks ?? []).map((b) => ({
    benchmark: b.benchmark,
    name: b.name,
    score: b.score,
    achieved: b.achieved,
    areaCount: b.areas.length,
    reading: b.reading,
    change: changeSince(b.benchmark, b.score, last),
  }));
  return (
    <Section
      title="Your eight benchmarks"
      description={
        summary.evaluation
          ? `Self-evaluation scores as of ${formatDate(summary.evaluation.asOf)}: the share of each benchmark's areas achieved. ${
              last ? `Changes are since the last snapshot, on ${snapshotDay(last)}.` : 'No snapshot has been kept yet, so there is no change to show.'
            }`
          : undefined
      }
    >
      {summary.loading && !summary.data ? <Loading label="Loading your self-evaluation scores…" /> : null}
      {summary.error && !summary.data ? (
        <ErrorPanel title="The self-evaluation scores could not be loaded" onRetry={() => void summary.refetch()}>
          {summary.error.message}
        </ErrorPanel>
      ) : null}
      {summary.evaluation ? (
        <>
          <DataTable caption="Self-evaluation scores for the eight benchmarks" captionHidden columns={COLUMNS} rows={rows} rowKey={(b) => b.benchmark} />
          <p>
            <a href={routeHref({ view: 'self-evaluation' })}>Open the self-evaluation</a> to see each area and answer it.
          </p>
        </>
      ) : null}
    </Section>
  );
}
