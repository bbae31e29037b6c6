import { DataTable, formatNumber, type Column } from '@waymark/ui';
import { measureInfo, type BenchmarkMeasure } from '../../../shared/benchmarks';
import { shareBand, type ShareRow } from '../lib/dashboardData';

export interface MatrixColumn {
  key: string;
  header: string;
}

export interface MatrixRow {
  measure: BenchmarkMeasure;
  /** One entry per column, in column order. */
  cells: ShareRow[];
}

export interface MeasureMatrixProps {
  caption: string;
  columns: readonly MatrixColumn[];
  rows: readonly MatrixRow[];
  linkFor: (measure: BenchmarkMeasure, cell: ShareRow) => string | undefined;
  /** Read after a cell's figure, e.g. "see the pupils missing out". */
  linkHint: string;
  /** When given, each measure's name is a button that shows it in detail. */
  onShowMeasure?: (measure: BenchmarkMeasure) => void;
}

/** Every measure at a glance: the share met in each column (year group or school), each linking to what is behind it. */
export function MeasureMatrix({ caption, columns, rows, linkFor, linkHint, onShowMeasure }: MeasureMatrixProps) {
  const tableColumns: Column<MatrixRow>[] = [
    {
      key: 'measure',
      header: 'Measure',
      rowHeader: true,
      render: (row) =>
        onShowMeasure ? (
          <button type="button" className="wm-link-button" onClick={() => onShowMeasure(row.measure)}>
            {measureInfo(row.measure).label}
            <span className="wm-visually-hidden"> (show in detail)</span>
          </button>
        ) : (
          measureInfo(row.measure).label
        ),
    },
    ...columns.map((column, index): Column<MatrixRow> => ({
      key: column.key,
      header: column.header,
      numeric: true,
      render: (row) => {
        const cell = row.cells[index];
        if (!cell || cell.eligible === 0) {
          return (
            <>
              <span aria-hidden="true">–</span>
              <span className="wm-visually-hidden">Does not apply</span>
            </>
          );
        }
        const href = linkFor(row.measure, cell);
        const text = `${cell.metPercent}%`;
        return (
          <span className={`wm-matrix__cell wm-matrix__cell--${shareBand(cell.metPercent)}`}>
            {href ? (
              <a href={href}>
                {text}
                <span className="wm-visually-hidden">
                  {' '}
                  met; {linkHint} ({formatNumber(cell.missingOut)})
                </span>
              </a>
            ) : (
              <>
                {text}
                <span className="wm-visually-hidden"> met</span>
              </>
            )}
            <span className="wm-matrix__bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, cell.metPercent))}%` }} />
            </span>
            {cell.inProgress > 0 ? (
              <span className="wm-matrix__extra">
                +{cell.inProgressPercent}%<span className="wm-visually-hidden"> in progress</span>
              </span>
            ) : null}
          </span>
        );
      },
    })),
  ];
  return (
    <>
      <ul className="wm-matrix-legend" aria-label="Shading">
        <li className="wm-matrix-legend--high">90% or more met</li>
        <li className="wm-matrix-legend--good">60% to 89%</li>
        <li className="wm-matrix-legend--low">under 60%</li>
      </ul>
      <DataTable caption={caption} className="wm-table--matrix" columns={tableColumns} rows={rows} rowKey={(row) => row.measure} emptyText="No figures yet." />
    </>
  );
}
