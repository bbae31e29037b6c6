import { Button, DateText, ErrorPanel, formatNumber, ProgressBar, Section } from '@waymark/ui';
import type { Ref } from 'react';
import type { RosterImport } from '../graphql/rosterImport';
import { canCommit } from '../lib/summary';

export interface CommitSectionProps {
  preview: RosterImport;
  mappingChanged: boolean;
  onCommit: () => void;
}

const REASON_ID = 'roster-commit-reason';

/** The commit button, with why it cannot be pressed yet when it cannot. */
export function CommitSection({ preview, mappingChanged, onCommit }: CommitSectionProps) {
  const ready = canCommit(preview) && !mappingChanged;
  const reason = !canCommit(preview)
    ? 'No row of this file can be imported. Correct the problems listed above, then choose the corrected file and check it again.'
    : mappingChanged
      ? 'You changed what some columns hold. Check the file again to see the effect before committing.'
      : null;
  return (
    <Section title="3. Commit the import">
      <p>
        Committing makes every change listed above in one go. If anything goes wrong part-way, nothing is changed. Importing the same file again later changes
        nothing.
      </p>
      {reason ? (
        <p id={REASON_ID} className="wm-field__error">
          {reason}
        </p>
      ) : null}
      <Button onClick={onCommit} disabled={!ready} aria-describedby={reason ? REASON_ID : undefined}>
        Commit import
      </Button>
    </Section>
  );
}

export interface CommitProgressSectionProps {
  processedRows: number;
  totalRows: number;
  lostContact: string | null;
  onCheckAgain: () => void;
}

/** While the commit runs: the bar, and what to do if Waymark stops answering. */
export function CommitProgressSection({ processedRows, totalRows, lostContact, onCheckAgain }: CommitProgressSectionProps) {
  return (
    <Section title="Importing pupils">
      <ProgressBar label="Rows imported" value={processedRows} max={totalRows} unit="rows" />
      <p>You can leave this page: the import carries on. Do not import the file again while it runs.</p>
      {lostContact ? (
        <ErrorPanel title="The import's progress cannot be seen right now" headingLevel={3} onRetry={onCheckAgain}>
          <p>{lostContact}</p>
          <p>The import may still finish. Try again in a moment, or check the pupils list later.</p>
        </ErrorPanel>
      ) : null}
    </Section>
  );
}

export interface ImportResultSectionProps {
  preview: RosterImport;
  processedRows: number;
  totalRows: number;
  committedAt: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
  onViewPupils: () => void;
  onStartAgain: () => void;
}

/** The import landed: what changed. The bar stays, full, so the finish is visible. */
export function ImportResultSection({ preview, processedRows, totalRows, committedAt, headingRef, onViewPupils, onStartAgain }: ImportResultSectionProps) {
  const skipped = new Set(preview.rejected.map((row) => row.line)).size;
  return (
    <section className="wm-section wm-notice" aria-labelledby="roster-result-heading">
      <h2 id="roster-result-heading" className="wm-notice__title" ref={headingRef} tabIndex={-1}>
        Import complete
      </h2>
      <ProgressBar label="Rows imported" value={processedRows} max={totalRows} unit="rows" />
      {committedAt ? (
        <p>
          Committed on <DateText value={committedAt} />.
        </p>
      ) : null}
      <ul>
        <li>{formatNumber(preview.toAdd)} new pupils added</li>
        <li>{formatNumber(preview.toChange)} pupils' details changed</li>
        <li>{formatNumber(preview.transfersIn)} pupils transferred in with their history</li>
        <li>{formatNumber(preview.toMarkLeft)} pupils marked as left</li>
        <li>{formatNumber(preview.unchanged)} pupils already up to date</li>
        {skipped > 0 ? <li>{formatNumber(skipped)} rows skipped because of problems</li> : null}
      </ul>
      <div className="wm-button-row">
        <Button onClick={onViewPupils}>View pupils</Button>
        <Button variant="secondary" onClick={onStartAgain}>
          Import another file
        </Button>
      </div>
    </section>
  );
}

export interface ImportFailedSectionProps {
  failureMessage: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
  onStartAgain: () => void;
}

export function ImportFailedSection({ failureMessage, headingRef, onStartAgain }: ImportFailedSectionProps) {
  return (
    <section className="wm-alert" role="alert" aria-labelledby="roster-failed-heading">
      <h2 id="roster-failed-heading" className="wm-alert__title" ref={headingRef} tabIndex={-1}>
        The import failed, and nothing was changed
      </h2>
      <p>{failureMessage ?? 'Waymark could not finish the import.'}</p>
      <p>Your pupils are exactly as they were before. Correct the problem, then import the file again.</p>
      <div className="wm-button-row">
        <Button variant="secondary" onClick={onStartAgain}>
          Start again
        </Button>
      </div>
    </section>
  );
}
