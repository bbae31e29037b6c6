import type { ReactNode } from 'react';
import { formatNumber } from './format.js';

export interface BarDatum {
  label: string;
  value: number;
}

/** A zero shows no bar at all; any other value at least a sliver, so small counts stay visible. */
function barWidth(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '0';
  return `max(3px, ${(value / max) * 100}%)`;
}

export interface BarChartProps {
  caption: ReactNode;
  data: readonly BarDatum[];
  /** How a value is written out; defaults to an en-GB number. */
  formatValue?: (value: number) => string;
  emptyText?: ReactNode;
}

/**
 * Horizontal bars drawn with CSS. Each bar is decoration next to its label and value as real text,
 * so the numbers are read out, copied, zoomed and translated like any other text.
 */
export function BarChart({ caption, data, formatValue = formatNumber, emptyText = 'No figures yet.' }: BarChartProps) {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  return (
    <figure className="wm-bar-chart">
      <figcaption>{caption}</figcaption>
      {data.length === 0 ? (
        <p className="wm-bar-chart__empty">{emptyText}</p>
      ) : (
        <ul>
          {data.map((datum) => (
            <li key={datum.label}>
              <span>{datum.label}</span>
              <span className="wm-bar-chart__track" aria-hidden="true">
                <span className="wm-bar-chart__bar" style={{ display: 'block', width: barWidth(datum.value, max) }} />
              </span>
              <span className="wm-bar-chart__value">
                <span className="wm-visually-hidden">: </span>
                {formatValue(datum.value)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
