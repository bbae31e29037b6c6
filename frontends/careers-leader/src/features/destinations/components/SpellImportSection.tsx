import { request } from '@waymark/graphql-client';
import { Button, DataTable, ErrorSummary, Field, Notice, ProgressBar, Section, TextAreaField, type Column } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { IMPORT_ACTIVITY_SPELLS_MUTATION, PREVIEW_ACTIVITY_SPELL_IMPORT_MUTATION, type SpellImportView } from '../graphql/spellBulk';
import { canImport, IMPORT_COLUMNS, IMPORT_LINE_LIMIT, importedSummary, importLabel, previewSummary } from '../lib/spellImport';

const FILE_ID = 'spell-import-file';
const PASTE_ID = 'spell-import-paste';
type Problem = SpellImportView['problems'][number];
type Stage = 'reading' | 'checking' | 'importing';
const STAGES: Record<Stage, { step: number; text: string }> = {
  reading: { step: 1, text: 'Step 1 of 3: reading the file' },
  checking: { step: 2, text: 'Step 2 of 3: checking every line' },
  importing: { step: 3, text: 'Step 3 of 3: recording the spells' },
};

/**
 * A local authority's or college's confirmation of where leavers are: checked line by line first
 * (nothing saved), then imported whole as confirmed spells, or not at all.
 */
export function SpellImportSection({ onImported }: { onImported?: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<SpellImportView | null>(null);
  const [result, setResult] = useState<SpellImportView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [inputKey, setInputKey] = useState(0);
  const fail = (message: string) => {
    setProblem(message);
    setAttempt((count) => count + 1);
  };

  const check = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setPreview(null);
    setResult(null);
    if (!file && !pasted.trim()) return fail('Choose a CSV file, or paste its lines');
    try {
      setStage('reading');
      const text = file ? await file.text() : pasted;
      setStage('checking');
      const { previewActivitySpellImport: answer } = await request(PREVIEW_ACTIVITY_SPELL_IMPORT_MUTATION, { input: { csv: text } });
      if (answer.error) return fail(answer.error.message);
      setCsv(text);
      setPreview(answer);
    } catch (error) {
      fail(error instanceof Error ? error.message : 'The file could not be checked. Try again.');
    } finally {
      setStage(null);
    }
  };

  const commit = async () => {
    if (!csv) return;
    setProblem(null);
    setStage('importing');
    try {
      const { importActivitySpells: answer } = await request(IMPORT_ACTIVITY_SPELLS_MUTATION, { input: { csv } });
      if (answer.error) {
        // Something changed since the check (a leaver's agreement withdrawn, say): show the lines again.
        setPreview(answer);
        return fail(answer.error.message);
      }
      setPreview(null);
      setCsv(null);
      setFile(null);
      setPasted('');
      setInputKey((key) => key + 1);
      setResult(answer);
      onImported?.();
    } catch (error) {
      fail(error instanceof Error ? error.message : 'Nothing was saved. Try again.');
    } finally {
      setStage(null);
    }
  };

  const columns: Column<Problem>[] = [
    { key: 'line', header: 'Line', rowHeader: true, render: (row) => String(row.line) },
    { key: 'column', header: 'Column', render: (row) => row.column ?? '' },
    { key: 'message', header: 'Problem', render: (row) => row.message },
  ];
  const busy = stage !== null;

  return (
    <Section
      title="Import a confirmation file"
      description="A CSV file from your local authority or a college saying where leavers are. Each line becomes a confirmed spell; nothing is saved until every line is right."
    >
      {result ? (
        <Notice title="Confirmation file imported" headingLevel={3}>
          {importedSummary(result)}
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={problem ? [{ message: problem, targetId: file ? FILE_ID : PASTE_ID }] : []} />
      <form className="wm-form" noValidate onSubmit={(event) => void check(event)} aria-label="Check a confirmation file">
        <Field
          key={inputKey}
          id={FILE_ID}
          label="CSV file"
          hint={`A header line naming the columns ${IMPORT_COLUMNS.join(', ')} (UPN, Activity and Start date are needed), then one spell per line. Dates as YYYY-MM-DD or DD/MM/YYYY. At most ${IMPORT_LINE_LIMIT.toLocaleString('en-GB')} lines.`}
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={busy}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setPreview(null);
          }}
        />
        <TextAreaField
          id={PASTE_ID}
          label="Or paste the file's lines"
          hint="Used only when no file is chosen."
          rows={5}
          value={pasted}
          disabled={busy}
          onChange={(event) => {
            setPasted(event.target.value);
            setPreview(null);
          }}
        />
        <Button type="submit" disabled={busy}>
          Check the file
        </Button>
      </form>
      {stage ? <ProgressBar label="Importing the confirmation file" value={STAGES[stage].step} max={3} valueText={STAGES[stage].text} /> : null}
      {preview ? (
        <>
          <h3>What the file says</h3>
          <p role="status">{previewSummary(preview)}</p>
          {preview.problems.length > 0 ? (
            <>
              <p>Fix these lines in the file and check it again. Nothing is saved until every line is right.</p>
              <DataTable
                caption="Problems in the file, by line"
                columns={columns}
                rows={preview.problems}
                rowKey={(row) => `${row.line}-${row.column ?? ''}-${row.message}`}
              />
            </>
          ) : null}
          {canImport(preview) ? (
            <Button type="button" disabled={busy} onClick={() => void commit()}>
              {importLabel(preview.spells)}
            </Button>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
