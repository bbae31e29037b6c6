import { Button, Field, Section } from '@waymark/ui';
import type { SubmitEvent } from 'react';
import { FILE_INPUT_ID } from '../hooks/useRosterImport';
import { fileSize } from '../lib/summary';

export interface ChooseFileSectionProps {
  file: File | null;
  fullRoster: boolean;
  fileError?: string;
  busy: boolean;
  /** Changes to empty the file input, e.g. after "Import another file". */
  inputKey: number;
  onChooseFile: (file: File | null) => void;
  onFullRosterChange: (value: boolean) => void;
  onCheck: () => void;
}

const FULL_ROSTER_ID = 'roster-full';

export function ChooseFileSection({ file, fullRoster, fileError, busy, inputKey, onChooseFile, onFullRosterChange, onCheck }: ChooseFileSectionProps) {
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCheck();
  };

  return (
    <Section title="1. Choose the file" description="Nothing changes in Waymark until you have checked the file and chosen to commit it.">
      <form className="wm-form" noValidate onSubmit={submit} aria-label="Choose the file to import">
        <Field
          key={inputKey}
          id={FILE_INPUT_ID}
          label="CSV file exported from your MIS"
          hint="A pupil list with a header row, from SIMS, Arbor, Bromcom or similar. Excel's CSV and CSV UTF-8 formats both work."
          name="rosterFile"
          type="file"
          accept=".csv,text/csv,text/plain"
          error={fileError}
          disabled={busy}
          onChange={(event) => onChooseFile(event.target.files?.[0] ?? null)}
        />
        {file ? (
          <p>
            Chosen: <strong>{file.name}</strong> ({fileSize(file.size)})
          </p>
        ) : null}
        <div className="wm-field">
          <label className="wm-checkbox" htmlFor={FULL_ROSTER_ID}>
            <input
              id={FULL_ROSTER_ID}
              type="checkbox"
              name="fullRoster"
              checked={fullRoster}
              disabled={busy}
              aria-describedby={`${FULL_ROSTER_ID}-hint`}
              onChange={(event) => onFullRosterChange(event.target.checked)}
            />
            <span>This file lists every pupil on roll (a full roster)</span>
          </label>
          <div id={`${FULL_ROSTER_ID}-hint`} className="wm-field__hint">
            <p>
              Ticked: pupils of your school who are <strong>not</strong> in the file are marked as having left, with today's date. Nobody is deleted, and their
              records are kept.
            </p>
            <p>Untick it when the file holds only some pupils, such as new arrivals: then only the pupils in the file are added or updated.</p>
          </div>
        </div>
        <Button type="submit" disabled={busy}>
          Check the file
        </Button>
      </form>
    </Section>
  );
}
