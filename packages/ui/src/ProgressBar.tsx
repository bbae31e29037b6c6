import { useId } from 'react';
import { formatNumber } from './format.js';

export interface ProgressBarProps {
  /** What is progressing, e.g. "Importing pupils"; names the progress bar. */
  label: string;
  value: number;
  max: number;
  /** Names the units for the text under the bar, e.g. "rows" gives "120 of 1,500 rows (8%)". */
  unit?: string;
  /** Replaces the text under the bar (and what screen readers read as the value). */
  valueText?: string;
}

/** The share done, whole percent, never above 100; a zero maximum counts as not started. */
export function percentDone(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(100, Math.floor((value / max) * 100));
}

/**
 * A visible bar with `role="progressbar"` and its value written out underneath. Screen readers also
 * hear it in quarters through a polite live region, rather than on every update.
 */
export function ProgressBar({ label, value, max, unit, valueText }: ProgressBarProps) {
  const labelId = useId();
  const percent = percentDone(value, max);
  const safeMax = Math.max(1, max);
  const safeValue = Math.min(Math.max(0, value), safeMax);
  const text = valueText ?? `${formatNumber(safeValue)} of ${formatNumber(max)}${unit ? ` ${unit}` : ''} (${percent}%)`;
  const quarter = Math.floor(percent / 25) * 25;
  return (
    <div className="wm-progress">
      <span id={labelId} className="wm-progress__label">
        {label}
      </span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={safeValue}
        aria-valuetext={text}
        className="wm-progress__track"
      >
        <span className="wm-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="wm-progress__text">{text}</p>
      <p className="wm-visually-hidden" role="status" aria-live="polite">
        {`${label}: ${quarter}% done`}
      </p>
    </div>
  );
}
