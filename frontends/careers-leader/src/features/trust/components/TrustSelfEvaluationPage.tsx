import { Button, ErrorPanel, formatDate, Loading, PageHeader, Section } from '@waymark/ui';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { downloadFile, todayIso } from '../../../shared/download';
import type { TrustSelfEvaluation } from '../graphql/trustSelfEvaluation';
import { useTrustSelfEvaluation } from '../hooks/useTrustSelfEvaluation';
import {
  changeText,
  DEFAULT_SORT,
  nextSort,
  points,
  READING_MARKS,
  rowsOf,
  scoreOf,
  sideBySideCsv,
  sortRows,
  type SideRow,
  type Sort,
  type SortColumn,
} from '../lib/sideBySide';

const BENCHMARKS = [1, 2, 3, 4, 5, 6, 7, 8];

/** For trust analysts: every school's eight self-evaluation scores side by side, sortable by any column, and downloadable. */
export function TrustSelfEvaluationPage() {
  const { sideBySide, loading, error, refetch } = useTrustSelfEvaluation();
  return (
    <>
      <PageHeader
        title="Schools' self-evaluations"
        description="Each school's score on the eight Gatsby Benchmarks: the share of the benchmark's areas the school has achieved, from its own self-evaluation. Changes are since each school's last snapshot."
      />
      {error ? (
        <ErrorPanel title="The schools' self-evaluations could not be loaded" onRetry={() => void refetch()}>
          {error.message}
        </ErrorPanel>
      ) : null}
      {loading && !sideBySide ? <Loading label="Loading the schools' self-evaluations…" /> : null}
      {sideBySide ? <SideBySide sideBySide={sideBySide} /> : null}
    </>
  );
}

/** Whether an element is wider than the space it has (so that it scrolls sideways). */
function useScrollsSideways<Element extends HTMLElement>() {
  const ref = useRef<Element>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, scrolls };
}

function sortedText(sort: Sort, names: Record<number, string>): string {
  if (sort.column === 'school') return `Ordered by school name, ${sort.direction === 'ascending' ? 'A to Z' : 'Z to A'}.`;
  if (sort.column === 'snapshot')
    return `Ordered by the last snapshot, ${sort.direction === 'descending' ? 'latest' : 'earliest'} first (schools without one last).`;
  return `Ordered by Benchmark ${sort.column}, ${names[sort.column] ?? ''}: ${sort.direction === 'descending' ? 'highest' : 'lowest'} score first.`;
}

function SideBySide({ sideBySide }: { sideBySide: TrustSelfEvaluation }) {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const rows = sortRows(rowsOf(sideBySide), sort);
  const names = Object.fromEntries((sideBySide.schools[0]?.scores ?? []).map((s) => [s.benchmark, s.name])) as Record<number, string>;
  const captionId = useId();
  const cueId = useId();
  const scrollable = useScrollsSideways<HTMLDivElement>();
  const download = () => downloadFile(sideBySideCsv(rows, BENCHMARKS), `trust-self-evaluations-${todayIso()}.csv`, 'text/csv;charset=utf-8');
  const withheld = sideBySide.groupFiguresRounded && rows.some((row) => row.scores.some((s) => s.change == null && row.lastSnapshotOn !== null));

  const header = (column: SortColumn, label: ReactNode, numeric: boolean) => {
    const sorted = sort.column === column;
    return (
      <th key={String(column)} scope="col" className={numeric ? 'wm-num' : undefined} aria-sort={sorted ? sort.direction : undefined}>
        <button type="button" className="wm-link-button wm-sort-button" onClick={() => setSort(nextSort(sort, column))}>
          {label}
          <span aria-hidden="true" className="wm-sort-button__mark">
            {sorted ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <Section
      title="Every school's eight benchmarks"
      description={`Scores as of ${formatDate(sideBySide.asOf)}. Each reading is given in words and by a symbol: ● green from 75%, ◐ amber from 40%, ○ red below. Under each score, its change in points since the school's last snapshot (a dash when the school has none yet). Select a column heading to order the schools by it; select it again to reverse the order.`}
    >
      {sideBySide.groupFiguresRounded ? (
        <p className="wm-inset">
          Figures for vulnerable groups are rounded to the nearest 5 before Benchmark 3's areas are worked out, as on each school's own self-evaluation.
          {withheld
            ? " So Benchmark 3's change since a snapshot is not shown: the snapshot kept exact figures. Pupil-level access, which your trust can grant, shows it."
            : ''}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="wm-muted">
        {sortedText(sort, names)}
      </p>
      {scrollable.scrolls ? (
        <p className="wm-scroll-cue" id={cueId}>
          <span aria-hidden="true">⇆ </span>The table is wider than the screen: scroll sideways to see all eight benchmarks. The school names stay in view.
        </p>
      ) : null}
      <div
        ref={scrollable.ref}
        className="wm-table-wrap"
        role={scrollable.scrolls ? 'region' : undefined}
        aria-labelledby={scrollable.scrolls ? captionId : undefined}
        aria-describedby={scrollable.scrolls ? cueId : undefined}
        tabIndex={scrollable.scrolls ? 0 : undefined}
      >
        <table className="wm-table wm-table--matrix wm-table--sticky">
          <caption id={captionId}>Self-evaluation scores by school, with the change since each school's last snapshot</caption>
          <thead>
            <tr>
              {header('school', 'School', false)}
              {BENCHMARKS.map((b) =>
                header(
                  b,
                  <>
                    B{b}
                    <span className="wm-visually-hidden">: {names[b] ?? `Benchmark ${b}`}</span>
                  </>,
                  true,
                ),
              )}
              {header('snapshot', 'Last snapshot', false)}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={BENCHMARKS.length + 2} className="wm-table__empty">
                  Your trust has no schools in Waymark yet.
                </td>
              </tr>
            ) : (
              rows.map((row) => <SchoolRow key={row.key} row={row} />)
            )}
          </tbody>
        </table>
      </div>
      <div className="wm-button-row">
        <Button variant="secondary" onClick={download} disabled={rows.length === 0}>
          Download these scores (CSV)
        </Button>
      </div>
    </Section>
  );
}

function SchoolRow({ row }: { row: SideRow }) {
  return (
    <tr>
      <th scope="row">{row.name}</th>
      {BENCHMARKS.map((b) => {
        const score = scoreOf(row, b);
        if (!score) return <td key={b} className="wm-num" />;
        const mark = READING_MARKS[score.reading];
        return (
          <td key={b} className="wm-num">
            <strong>{points(score.score)}%</strong>{' '}
            <span className={`${mark.tag} wm-side-by-side__reading`}>
              <span aria-hidden="true">{mark.symbol} </span>
              {mark.word}
            </span>
            {row.lastSnapshotOn === null ? (
              <span className="wm-matrix__extra">
                <span aria-hidden="true">–</span>
                <span className="wm-visually-hidden">{changeText(row, score)}</span>
              </span>
            ) : (
              <span className="wm-matrix__extra">{changeText(row, score)}</span>
            )}
          </td>
        );
      })}
      <td>{row.lastSnapshotOn ? formatDate(row.lastSnapshotOn) : 'None yet'}</td>
    </tr>
  );
}
