import { DataTable, type Column } from '@waymark/ui';
import type { SelfEvaluationBenchmark } from '../graphql/self-evaluation';
import { percentOf, READINGS } from '../lib/selfEvaluation';

type SummaryRow = Pick<SelfEvaluationBenchmark, 'benchmark' | 'name' | 'score' | 'achieved' | 'reading' | 'areas'>;

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
          ({b.achieved} of {b.areas.length})
        </span>
      </>
    ),
  },
  { key: 'reading', header: 'Reading', render: (b) => <span className={READINGS[b.reading].tag}>{READINGS[b.reading].label}</span> },
];

/** The eight benchmarks at a glance: each score, and its red/amber/green reading in words, so colour is never the only clue. */
export function BenchmarkSummary({ benchmarks }: { benchmarks: readonly SummaryRow[] }) {
  return <DataTable caption="Scores for the eight benchmarks" captionHidden columns={COLUMNS} rows={benchmarks} rowKey={(b) => b.benchmark} />;
}
