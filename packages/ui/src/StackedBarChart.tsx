import type { ReactNode } from 'react';

export interface StackedBarSeries {
  key: string;
  /** Names the series in the key, e.g. "Met". */
  label: string;
}

export interface StackedBarRow {
  key: string;
  label: string;
  /** Each series' share of the whole, 0–100, in the order of `series`; the rest of the track stays empty. */
  values: readonly number[];
  /** The figures in words, shown after the bar and read out with the row, e.g. "45% met, 10% in progress". */
  valueText: string;
  /** Makes the label a link, e.g. to the pupils behind the figures. */
  href?: string;
  /** Completes the link's name for screen readers, read after the label in brackets, e.g. "pupils missing out". */
  linkHint?: string;
}

export interface StackedBarChartProps {
  caption: ReactNode;
  series: readonly StackedBarSeries[];
  rows: readonly StackedBarRow[];
  emptyText?: ReactNode;
}

// The chart brings its own rules (hoisted into the head once by React), so a remote rebuilt with it
// works inside a shell whose stylesheet is older.
const css = `
.wm-stacked-chart { margin: 0 0 var(--wm-space-md); }
.wm-stacked-chart figcaption { font-weight: 700; font-size: 1.1rem; margin-bottom: var(--wm-space-xs); }
.wm-stacked-chart__key { display: flex; flex-wrap: wrap; gap: var(--wm-space-md); margin: 0 0 var(--wm-space-sm); color: var(--wm-text-muted); }
.wm-stacked-chart__key span { display: inline-flex; align-items: center; gap: var(--wm-space-xs); }
.wm-stacked-chart__swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid var(--wm-border-strong); }
.wm-stacked-chart__rows { list-style: none; margin: 0; padding: 0; }
.wm-stacked-chart__rows li {
  display: grid; grid-template-columns: minmax(7rem, 14rem) 1fr minmax(9rem, 15rem); align-items: center;
  gap: var(--wm-space-md); padding: var(--wm-space-xs) 0;
}
.wm-stacked-chart__track { display: flex; background: var(--wm-bar-track); border-radius: 3px; height: 1.25rem; overflow: hidden; }
.wm-stacked-chart__value { font-variant-numeric: tabular-nums; }
.wm-stacked-chart__s0 { background: var(--wm-bar); }
.wm-stacked-chart__s1 {
  background: repeating-linear-gradient(135deg, var(--wm-bar-alt, #c26a00) 0 4px, var(--wm-surface) 4px 6px);
  border-left: 1px solid var(--wm-surface);
}
.wm-stacked-chart__empty { color: var(--wm-text-muted); }
@media (max-width: 40rem) {
  .wm-stacked-chart__rows li { grid-template-columns: 1fr; gap: var(--wm-space-xs); }
}
`;

/** A zero shows nothing; any other share at least a sliver, so small numbers stay visible. */
export function segmentWidth(percent: number): string {
  if (!(percent > 0)) return '0';
  return `max(3px, ${Math.min(100, percent)}%)`;
}

/**
 * Horizontal bars of up to two stacked series (the second striped, so colour is never the only
 * difference). The bars are decoration: each row's label and figures are real text, and a row can
 * link to the detail behind it.
 */
export function StackedBarChart({ caption, series, rows, emptyText = 'No figures yet.' }: StackedBarChartProps) {
  return (
    <figure className="wm-stacked-chart">
      <style href="waymark-ui-stacked-chart" precedence="default">
        {css}
      </style>
      <figcaption>{caption}</figcaption>
      {rows.length === 0 ? (
        <p className="wm-stacked-chart__empty">{emptyText}</p>
      ) : (
        <>
          <p className="wm-stacked-chart__key" aria-hidden="true">
            {series.map((entry, index) => (
              <span key={entry.key}>
                <span className={`wm-stacked-chart__swatch wm-stacked-chart__s${index}`} />
                {entry.label}
              </span>
            ))}
          </p>
          <ul className="wm-stacked-chart__rows">
            {rows.map((row) => (
              <li key={row.key}>
                <span>
                  {row.href ? (
                    <a href={row.href}>
                      {row.label}
                      {row.linkHint ? <span className="wm-visually-hidden"> ({row.linkHint})</span> : null}
                    </a>
                  ) : (
                    row.label
                  )}
                </span>
                <span className="wm-stacked-chart__track" aria-hidden="true">
                  {series.map((entry, index) => (
                    <span key={entry.key} className={`wm-stacked-chart__s${index}`} style={{ display: 'block', width: segmentWidth(row.values[index] ?? 0) }} />
                  ))}
                </span>
                <span className="wm-stacked-chart__value">
                  <span className="wm-visually-hidden">: </span>
                  {row.valueText}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
