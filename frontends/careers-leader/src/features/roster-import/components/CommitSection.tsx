import { Button, DateText, ErrorPanel, Field, formatNumber, ProgressBar, Section } from '@waymark/ui';
import { useRef, useState, type Ref, type SubmitEvent } from 'react';
import type { RosterImport } from '../graphql/rosterImport';
import { canCommit } from '../lib/summary';

export interface CommitSectionProps {
  preview: RosterImport;
  mappingChanged: boolean;
  /** `confirmMarkLeft` is the number of leavers the leader typed, when the preview asks for it. */
  onCommit: (confirmMarkLeft?: number) => void;
}

const REASON_ID = 'roster-commit-reason';
const CONFIRM_ID = 'roster-confirm-left';

/**
 * The commit button, with why it cannot be pressed yet when it cannot. When the import marks many
 * pupils as left, the leader types that number first (a slip with a partial file costs a school its
 * whole roster, so one click is not enough).
 */
export function CommitSection({ preview, mappingChanged, onCommit }: CommitSectionProps) {
  const [typed, setTyped] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirmField = useRef<HTMLInputElement>(null);
  const ready = canCommit(preview) && !mappingChanged;
  const reason = !canCommit(preview)
    ? 'No row of this file can be imported. Correct the problems listed above, then choose the corrected file and check it again.'
    : mappingChanged
      ? 'You changed what some columns hold. Check the file again to see the effect before committing.'
      : null;
  const leavers = formatNumber(preview.toMarkLeft);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!preview.markLeftNeedsConfirmation) return onCommit();
    if (typed.trim().replace(/,/g, '') !== String(preview.toMarkLeft)) {
      setConfirmError(`Type ${leavers}, the number of pupils this import marks as left, to commit it`);
      confirmField.current?.focus();
      return;
    }
    setConfirmError(null);
    onCommit(preview.toMarkLeft);
  };

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
      <form noValidate onSubmit={submit} aria-label="Commit the import">
        {preview.markLeftNeedsConfirmation ? (
          <Field
            ref={confirmField}
            id={CONFIRM_ID}
            label={`This import marks ${leavers} pupils as left. To commit it, type ${leavers}`}
            hint="That is more than a tenth of your pupils on roll. If the file lists only some pupils, untick the full roster box above and check the file again instead."
            inputMode="numeric"
            autoComplete="off"
            narrow
            value={typed}
            error={confirmError ?? undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
        ) : null}
        <Button type="submit" disabled={!ready} aria-describedby={reason ? REASON_ID : undefined}>
          Commit import
        </Button>
      </form>
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
