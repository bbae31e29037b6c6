import { DataTable, formatNumber, StatCard, StatGrid, type Column } from '@waymark/ui';
import type { Ref } from 'react';
import type { RejectedRow, RosterField, RosterImport } from '../graphql/rosterImport';
import { fieldLabel, pupils, rejectedLineCount, rows, sortRejected, validRowCount } from '../lib/summary';

export interface PreviewSectionProps {
  preview: RosterImport;
  fields: readonly RosterField[];
  headingRef?: Ref<HTMLHeadingElement>;
}

/** What the commit would do, and every row that would be skipped with its line number and reason. */
export function PreviewSection({ preview, fields, headingRef }: PreviewSectionProps) {
  const rejected = sortRejected(preview.rejected);
  const badLines = rejectedLineCount(rejected);
  const valid = validRowCount(preview);

  const columns: Column<RejectedRow>[] = [
    { key: 'line', header: 'Line', numeric: true, rowHeader: true, render: (row) => formatNumber(row.line) },
    { key: 'upn', header: 'UPN', render: (row) => row.upn || <span className="wm-muted">None</span> },
    { key: 'field', header: 'Field', render: (row) => (row.field ? fieldLabel(fields, row.field) : <span className="wm-muted">Whole row</span>) },
    { key: 'reason', header: 'Problem', render: (row) => row.reason },
  ];

  return (
    <section className="wm-section" aria-labelledby="roster-preview-heading">
      <h2 id="roster-preview-heading" ref={headingRef} tabIndex={-1}>
        2. Check what will change
      </h2>
      <p>
        The file has {rows(preview.totalRows)}: <strong>{rows(valid)}</strong> can be imported
        {badLines > 0 ? (
          <>
            {' '}
            and <strong>{rows(badLines)}</strong> {badLines === 1 ? 'has' : 'have'} problems and will be skipped
          </>
        ) : null}
        . Nothing has changed yet.
      </p>
      <StatGrid label="What the import will do">
        <StatCard label="New pupils to add" value={formatNumber(preview.toAdd)} />
        <StatCard label="Pupils whose details change" value={formatNumber(preview.toChange)} />
        <StatCard
          label="Pupils to mark as left"
          value={formatNumber(preview.toMarkLeft)}
          hint={preview.fullRoster ? 'On roll now but not in the file' : 'None: this is not a full roster'}
        />
        <StatCard label="Already up to date" value={formatNumber(preview.unchanged)} />
        <StatCard label="Transfers in" value={formatNumber(preview.transfersIn)} hint="Arriving from another school, with their history" />
      </StatGrid>
      {preview.toMarkLeft > 0 ? (
        // Many leavers usually means a partial file with "full roster" ticked: that is a warning, in red.
        <div className={preview.markLeftNeedsConfirmation ? 'wm-alert' : 'wm-inset'}>
          {preview.markLeftNeedsConfirmation ? <h3 className="wm-alert__title">Check before you commit: many pupils will be marked as left</h3> : null}
          <p>
            <strong>{pupils(preview.toMarkLeft)}</strong> will be marked as left because they are on roll but not in this file. If the file does not list every
            pupil, untick "This file lists every pupil on roll" and check it again.
          </p>
        </div>
      ) : null}
      {rejected.length > 0 ? (
        <>
          <h3>Rows that will not be imported ({formatNumber(badLines)})</h3>
          <p>
            Correct these rows in your MIS or in the file, choose the corrected file above and check it again. You can also commit now: these rows are skipped
            and the rest are imported.
          </p>
          <DataTable
            caption={`Problems found in ${rows(badLines)} of the file, by line number`}
            captionHidden
            columns={columns}
            rows={rejected}
            rowKey={(row) => `${row.line}-${row.field ?? ''}-${row.reason}`}
          />
        </>
      ) : (
        <p>Every row of the file can be imported.</p>
      )}
    </section>
  );
}
