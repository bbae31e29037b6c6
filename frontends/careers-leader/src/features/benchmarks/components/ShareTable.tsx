import { DataTable, formatNumber, type Column } from '@waymark/ui';
import type { ReactNode } from 'react';
import type { ShareRow } from '../lib/dashboardData';

export interface ShareTableProps {
  caption: ReactNode;
  captionHidden?: boolean;
  rows: readonly ShareRow[];
  /** The heading of the first column, e.g. "Year group". */
  rowHeading: string;
  /** Where the pupils missing out behind a row are listed; no link when undefined. */
  linkFor?: (row: ShareRow) => string | undefined;
  /** Names what a row's link opens, e.g. "pupils missing out" or "school dashboard". */
  linkText?: (row: ShareRow) => string;
}

const count = (value: number) => formatNumber(value);

/** The figures behind a chart, as a table: counts and shares, and a link to the pupils (or school) behind each row. */
export function ShareTable({ caption, captionHidden, rows, rowHeading, linkFor, linkText }: ShareTableProps) {
  const columns: Column<ShareRow>[] = [
    { key: 'label', header: rowHeading, rowHeader: true, render: (row) => row.label },
    { key: 'eligible', header: 'Pupils counted', numeric: true, render: (row) => count(row.eligible) },
    { key: 'met', header: 'Met', numeric: true, render: (row) => (row.eligible ? `${count(row.met)} (${row.metPercent}%)` : '–') },
    {
      key: 'inProgress',
      header: 'In progress',
      numeric: true,
      render: (row) => (row.eligible ? `${count(row.inProgress)} (${row.inProgressPercent}%)` : '–'),
    },
    { key: 'notMet', header: 'Not met', numeric: true, render: (row) => (row.eligible ? count(row.notMet) : '–') },
  ];
  if (linkFor) {
    columns.push({
      key: 'link',
      header: 'Details',
      render: (row) => {
        const href = linkFor(row);
        if (!href) return row.eligible ? 'Nobody missing out' : 'Does not apply';
        return (
          <a href={href}>
            {linkText ? linkText(row) : `${count(row.missingOut)} ${row.missingOut === 1 ? 'pupil' : 'pupils'} missing out`}
            <span className="wm-visually-hidden"> ({row.label})</span>
          </a>
        );
      },
    });
  }
  return <DataTable caption={caption} captionHidden={captionHidden} columns={columns} rows={rows} rowKey={(row) => row.key} emptyText="No figures yet." />;
}
