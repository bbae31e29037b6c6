import { StackedBarChart } from '@waymark/ui';
import type { ReactNode } from 'react';
import { shareText, type ShareRow } from '../lib/dashboardData';
import { ShareTable } from './ShareTable';

const SERIES = [
  { key: 'met', label: 'Met' },
  { key: 'inProgress', label: 'In progress' },
];

export interface ShareChartProps {
  caption: ReactNode;
  /** Says what the table is of, e.g. "Benchmark 5 by year group". */
  tableCaption: string;
  rowHeading: string;
  rows: readonly ShareRow[];
  linkFor: (row: ShareRow) => string | undefined;
  /** What a bar's link opens, for screen readers, e.g. "see the pupils missing out". */
  linkHint: string;
  linkText?: (row: ShareRow) => string;
}

/** Bars of "met" and "in progress", each linking to what is behind it, with the same figures as a table underneath on request. */
export function ShareChart({ caption, tableCaption, rowHeading, rows, linkFor, linkHint, linkText }: ShareChartProps) {
  return (
    <>
      <StackedBarChart
        caption={caption}
        series={SERIES}
        rows={rows.map((row) => ({
          key: row.key,
          label: row.label,
          values: [row.metPercent, row.inProgressPercent],
          valueText: shareText(row),
          href: linkFor(row),
          linkHint,
        }))}
      />
      <details className="wm-figures">
        <summary>Show these figures as a table</summary>
        <ShareTable caption={tableCaption} rows={rows} rowHeading={rowHeading} linkFor={linkFor} linkText={linkText} />
      </details>
    </>
  );
}
