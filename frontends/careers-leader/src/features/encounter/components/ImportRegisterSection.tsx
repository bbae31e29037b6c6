import { Button, DataTable, ErrorPanel, Field, Notice, Section, type Column } from '@waymark/ui';
import { useRef, useState, type SubmitEvent } from 'react';
import type { ImportRegisterResult, RegisterRowError } from '../graphql/encounter';
import type { ActionOutcome } from '../hooks/useEncounter';
import { importOutcome } from '../lib/register';

export interface ImportRegisterSectionProps {
  onImport: (csv: string) => Promise<ActionOutcome<ImportRegisterResult>>;
}

const FILE_ID = 'register-file';

const rejectedColumns: Column<RegisterRowError>[] = [
  { key: 'line', header: 'Line', rowHeader: true, render: (row) => row.line },
  { key: 'upn', header: 'UPN', render: (row) => row.upn || '–' },
  { key: 'reason', header: 'Problem', render: (row) => row.reason },
];

type State =
  | { status: 'idle' }
  | { status: 'importing' }
  | { status: 'done'; text: string }
  | { status: 'rejected'; message: string; rows: RegisterRowError[] }
  | { status: 'error'; message: string };

/** A register from a CSV file (UPN and Attended columns). All or nothing: one bad row and nothing is saved. */
export function ImportRegisterSection({ onImport }: ImportRegisterSectionProps) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the CSV file of the register');
      document.getElementById(FILE_ID)?.focus();
      return;
    }
    setFileError(null);
    setState({ status: 'importing' });
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setState({ status: 'error', message: 'The file could not be read. Check it is not open in another program, then choose it again.' });
      return;
    }
    const outcome = await onImport(csv);
    if (outcome.ok) {
      setState({ status: 'done', text: importOutcome(outcome.result) });
      setFile(null);
      setInputKey((key) => key + 1);
    } else if (outcome.result?.rejected.length) {
      setState({ status: 'rejected', message: outcome.message, rows: outcome.result.rejected });
    } else {
      setState({ status: 'error', message: outcome.message });
    }
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  return (
    <Section
      title="Import a register"
      description="Use a CSV file with a header row and the columns UPN and Attended (yes or no; 'declined' for a pupil in Year 12 or 13 who chose not to go to a college or apprenticeship encounter). Pupils not on the register yet are added. If any row has a problem, nothing is saved."
    >
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Import a register">
        <Field
          key={inputKey}
          id={FILE_ID}
          label="Register CSV file"
          type="file"
          accept=".csv,text/csv,text/plain"
          error={fileError}
          disabled={state.status === 'importing'}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        <Button type="submit" disabled={state.status === 'importing'}>
          {state.status === 'importing' ? 'Importing…' : 'Import register'}
        </Button>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="wm-outcome">
        {state.status === 'done' ? (
          <Notice title="Register imported" headingLevel={3}>
            {state.text}
          </Notice>
        ) : null}
        {state.status === 'error' ? (
          <ErrorPanel title="The register was not imported" headingLevel={3}>
            {state.message}
          </ErrorPanel>
        ) : null}
        {state.status === 'rejected' ? (
          <>
            <ErrorPanel title="The register was not imported" headingLevel={3}>
              <p>
                {state.rows.length === 1 ? 'One row has a problem' : `${state.rows.length} rows have problems`}, so nothing was saved. Correct the file and
                import it again.
              </p>
            </ErrorPanel>
            <DataTable caption="Problems found in the file" columns={rejectedColumns} rows={state.rows} rowKey={(row) => `${row.line}-${row.reason}`} />
          </>
        ) : null}
      </div>
    </Section>
  );
}
