import { Button, DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import { useState } from 'react';
import type { SelfEvaluationBenchmark, SelfEvaluationSnapshot } from '../graphql/self-evaluation';
import { useSnapshots } from '../hooks/useSnapshots';
import { percentOf } from '../lib/selfEvaluation';
import { KIND_LABELS, snapshotDay, trendRows, type TrendRow } from '../lib/snapshots';

/** How many of the latest snapshots the trend shows, so it stays readable on a phone. */
const SHOWN = 4;
const WIDTH = 120;
const HEIGHT = 32;

/** A small line of a benchmark's scores over the snapshots: decoration only, the table beside it carries the figures. */
function Sparkline({ scores }: { scores: (number | null)[] }) {
  const points = scores
    .map((score, i) =>
      score === null ? null : { x: scores.length === 1 ? WIDTH / 2 : (i * (WIDTH - 8)) / (scores.length - 1) + 4, y: HEIGHT - 4 - score * (HEIGHT - 8) },
    )
    .filter((p): p is { x: number; y: number } => p !== null);
  return (
    <svg className="wm-sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <line x1={0} x2={WIDTH} y1={HEIGHT - 4} y2={HEIGHT - 4} stroke="currentColor" strokeOpacity={0.3} />
      <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="currentColor" strokeWidth={2} />
      {points.map((p) => (
        <circle key={`${p.x}`} cx={p.x} cy={p.y} r={3} fill="currentColor" />
      ))}
    </svg>
  );
}

function columnsFor(shown: readonly SelfEvaluationSnapshot[]): Column<TrendRow>[] {
  return [
    { key: 'benchmark', header: 'Benchmark', rowHeader: true, render: (row) => `${row.benchmark}. ${row.name}` },
    ...shown.map((snapshot, i) => ({
      key: snapshot.id,
      header: `${snapshotDay(snapshot)} (${KIND_LABELS[snapshot.kind].toLowerCase()})`,
      numeric: true,
      render: (row: TrendRow) => (row.scores[i] === null ? '–' : percentOf(row.scores[i])),
    })),
    { key: 'line', header: 'Trend', render: (row) => <Sparkline scores={row.scores} /> },
  ];
}

/**
 * The snapshots kept of the self-evaluation as a trend: each benchmark's score at each of the latest
 * snapshots, in figures (a small line beside them repeats them), and, for the careers leader, taking
 * one now.
 */
export function SnapshotTrend({ benchmarks, canTake }: { benchmarks: readonly Pick<SelfEvaluationBenchmark, 'benchmark' | 'name'>[]; canTake: boolean }) {
  const s = useSnapshots();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const shown = s.snapshots.slice(-SHOWN);
  const take = async () => {
    setBusy(true);
    setStatus(await s.take());
    setBusy(false);
  };
  return (
    <Section
      title="Snapshots and trend"
      description="Scores are kept on 31 December, 31 March and 31 July, and whenever the careers leader takes a snapshot. A kept snapshot never changes."
    >
      {canTake ? (
        <div className="wm-button-row">
          <Button onClick={() => void take()} disabled={busy}>
            {busy ? 'Taking a snapshot…' : 'Take a snapshot now'}
          </Button>
        </div>
      ) : null}
      <p role="status" className={status && !status.ok ? 'wm-field__error' : undefined}>
        {status?.message}
      </p>
      {s.loading && !s.data ? <Loading label="Loading the snapshots…" /> : null}
      {s.error && !s.data ? (
        <ErrorPanel title="The snapshots could not be loaded" onRetry={() => void s.refetch()}>
          {s.error.message}
        </ErrorPanel>
      ) : null}
      {s.data && shown.length === 0 ? <p>No snapshot has been kept yet.</p> : null}
      {shown.length > 0 ? (
        <DataTable
          caption={`Scores at the last ${shown.length === 1 ? 'snapshot' : `${shown.length} snapshots`}, oldest first`}
          columns={columnsFor(shown)}
          rows={trendRows(benchmarks, shown)}
          rowKey={(row) => row.benchmark}
        />
      ) : null}
    </Section>
  );
}
