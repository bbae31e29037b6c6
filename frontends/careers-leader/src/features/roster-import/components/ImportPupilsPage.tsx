import { useQuery } from '@waymark/graphql-client';
import { ErrorSummary, Loading, PageHeader, ProgressBar, Section } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { ROSTER_FIELDS_QUERY } from '../graphql/rosterImport';
import { FILE_INPUT_ID, useRosterImport } from '../hooks/useRosterImport';
import { fileSize } from '../lib/summary';
import { ChooseFileSection } from './ChooseFileSection';
import { FileColumnsSection } from './FileColumnsSection';
import { ColumnMappingSection } from './ColumnMappingSection';
import { CommitProgressSection, CommitSection, ImportFailedSection, ImportResultSection } from './CommitSection';
import { PreviewSection } from './PreviewSection';

export interface ImportPupilsPageProps {
  onViewPupils: () => void;
}

/** Upload → preview (with every rejected row) → map unknown columns → commit → progress → result. */
export function ImportPupilsPage({ onViewPupils }: ImportPupilsPageProps) {
  const importer = useRosterImport();
  const { phase, preview } = importer;
  const [inputKey, setInputKey] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const outcomeHeadingRef = useRef<HTMLHeadingElement>(null);

  // The fields: the columns a file needs (shown before a file is chosen), rejected rows' field names and the mapping selects.
  const fieldsQuery = useQuery(ROSTER_FIELDS_QUERY);
  const fields = fieldsQuery.data?.rosterFields ?? [];

  // Move focus to what just appeared, so keyboard and screen-reader users are taken to it.
  useEffect(() => {
    if (importer.problems) summaryRef.current?.focus();
  }, [importer.problems]);
  const previewId = phase.name === 'previewed' ? phase.preview.id : null;
  useEffect(() => {
    if (previewId) previewHeadingRef.current?.focus();
  }, [previewId]);
  useEffect(() => {
    if (phase.name === 'committed' || phase.name === 'failed') outcomeHeadingRef.current?.focus();
  }, [phase.name]);

  const choosing = phase.name === 'choose' || phase.name === 'reading' || phase.name === 'checking' || phase.name === 'previewed';
  const busy = phase.name === 'reading' || phase.name === 'checking';
  const fileProblem = importer.problems?.items.find((item) => item.targetId === FILE_INPUT_ID)?.message;

  return (
    <>
      <PageHeader
        title="Import pupils"
        description="Bring your pupil list in from your school's MIS: export it as a CSV file, check what will change, then commit it."
      />
      <ErrorSummary ref={summaryRef} title={importer.problems?.title} items={importer.problems?.items ?? []} />

      {choosing ? (
        <ChooseFileSection
          file={importer.file}
          fullRoster={importer.fullRoster}
          fileError={fileProblem}
          busy={busy}
          inputKey={inputKey}
          onChooseFile={importer.chooseFile}
          onFullRosterChange={importer.setFullRoster}
          onCheck={() => void importer.check()}
        />
      ) : null}

      {phase.name === 'choose' && !preview ? (
        <FileColumnsSection
          fields={fields}
          loading={fieldsQuery.loading}
          error={fieldsQuery.error?.message ?? null}
          onRetry={() => void fieldsQuery.refetch()}
        />
      ) : null}

      {phase.name === 'reading' ? (
        <Section title="Reading the file">
          <ProgressBar label="File read" value={phase.loaded} max={phase.total} valueText={`${fileSize(phase.loaded)} of ${fileSize(phase.total)} read`} />
        </Section>
      ) : null}
      {phase.name === 'checking' ? <Loading label="Checking every row of the file. Nothing is changed yet…" /> : null}

      {preview ? <PreviewSection preview={preview} fields={fields} headingRef={previewHeadingRef} /> : null}

      {phase.name === 'previewed' && preview && preview.unmappedColumns.length > 0 ? (
        <ColumnMappingSection
          headers={preview.unmappedColumns}
          fields={fields}
          fieldsLoading={fieldsQuery.loading}
          fieldsError={fieldsQuery.error?.message ?? null}
          choices={importer.choices}
          changed={importer.mappingChanged}
          busy={busy}
          onChoose={importer.chooseField}
          onRetryFields={() => void fieldsQuery.refetch()}
          onCheckAgain={() => void importer.check()}
        />
      ) : null}

      {phase.name === 'previewed' ? (
        <CommitSection preview={phase.preview} mappingChanged={importer.mappingChanged} onCommit={(confirmMarkLeft) => void importer.commit(confirmMarkLeft)} />
      ) : null}

      {phase.name === 'committing' ? (
        <CommitProgressSection
          processedRows={phase.progress.processedRows}
          totalRows={phase.progress.totalRows}
          lostContact={phase.lostContact}
          onCheckAgain={importer.resumeFollowing}
        />
      ) : null}

      {phase.name === 'committed' ? (
        <ImportResultSection
          preview={phase.preview}
          processedRows={phase.progress.processedRows}
          totalRows={phase.progress.totalRows}
          committedAt={phase.progress.committedAt}
          headingRef={outcomeHeadingRef}
          onViewPupils={onViewPupils}
          onStartAgain={() => {
            importer.startAgain();
            setInputKey((key) => key + 1);
          }}
        />
      ) : null}

      {phase.name === 'failed' ? (
        <ImportFailedSection
          failureMessage={phase.progress.failureMessage}
          headingRef={outcomeHeadingRef}
          onStartAgain={() => {
            importer.startAgain();
            setInputKey((key) => key + 1);
          }}
        />
      ) : null}
    </>
  );
}
