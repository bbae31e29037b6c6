import { GraphQLRequestError, request } from '@waymark/graphql-client';
import type { ErrorSummaryItem } from '@waymark/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommitRosterImportMutation, PreviewRosterImportMutationVariables } from '../../../gql/graphql';
import type { MutationError } from '../../../shared/types';
import {
  COMMIT_ROSTER_IMPORT_MUTATION,
  PREVIEW_ROSTER_IMPORT_MUTATION,
  ROSTER_IMPORT_PROGRESS_QUERY,
  type RosterImport,
  type RosterImportProgress,
} from '../graphql/rosterImport';
import { bytesToBase64 } from '../lib/base64';
import { isSettled, pollUntilSettled } from '../lib/pollImport';
import { readFileBytes } from '../lib/readFile';
import { canCommit, toMappingInput } from '../lib/summary';

export const FILE_INPUT_ID = 'roster-file';

export type ImportPhase =
  | { name: 'choose' }
  | { name: 'reading'; loaded: number; total: number }
  | { name: 'checking' }
  | { name: 'previewed'; preview: RosterImport }
  | { name: 'committing'; preview: RosterImport; progress: RosterImportProgress; lostContact: string | null }
  | { name: 'committed'; preview: RosterImport; progress: RosterImportProgress }
  | { name: 'failed'; preview: RosterImport; progress: RosterImportProgress };

export interface ImportProblems {
  title: string;
  items: ErrorSummaryItem[];
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function messageOf(error: unknown): string {
  if (error instanceof GraphQLRequestError || error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

function problemsFrom(title: string, error: MutationError): ImportProblems {
  const items: ErrorSummaryItem[] = error.fields.length
    ? error.fields.map((field) => ({ message: field.message, targetId: /file/i.test(field.field) ? FILE_INPUT_ID : undefined }))
    : [{ message: error.message }];
  return { title, items };
}

function progressOf(preview: RosterImport): RosterImportProgress {
  const { id, status, totalRows, processedRows, committedAt, failureMessage } = preview;
  return { id, status, totalRows, processedRows, committedAt, failureMessage };
}

/**
 * The import, step by step: choose a file → read it (with progress) → preview (nothing changes) →
 * map unknown columns and preview again → commit → follow the commit until it lands or fails.
 * Changing the file or the full-roster choice throws the preview away, so what is committed is
 * always exactly what was last shown.
 */
export function useRosterImport() {
  const [file, setFile] = useState<File | null>(null);
  // Off until the leader says the file lists every pupil: a partial file with it on would mark the rest as left.
  const [fullRoster, setFullRosterState] = useState(false);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [checkedChoices, setCheckedChoices] = useState<Record<string, string>>({});
  // Every header a preview has called unknown: the leader's choice for each (ignore included) is sent
  // with each later preview, so the school's mapping is remembered.
  const [mappingHeaders, setMappingHeaders] = useState<string[]>([]);
  const [phase, setPhase] = useState<ImportPhase>({ name: 'choose' });
  const [problems, setProblems] = useState<ImportProblems | null>(null);
  const encoded = useRef<{ file: File; base64: string } | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const startTask = () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    return controller;
  };

  const chooseFile = useCallback((next: File | null) => {
    running.current?.abort();
    setFile(next);
    setProblems(null);
    setPhase({ name: 'choose' });
  }, []);

  const setFullRoster = useCallback((value: boolean) => {
    setFullRosterState(value);
    setPhase((previous) => (previous.name === 'previewed' ? { name: 'choose' } : previous));
  }, []);

  const chooseField = useCallback((header: string, field: string) => {
    setChoices((previous) => ({ ...previous, [header]: field }));
  }, []);

  /** Reads (once per file) and previews. Resolves true when a preview is showing. */
  const check = useCallback(async (): Promise<boolean> => {
    if (!file) {
      setProblems({ title: 'There is a problem', items: [{ message: 'Choose the CSV file exported from your MIS', targetId: FILE_INPUT_ID }] });
      return false;
    }
    if (file.size === 0) {
      setProblems({
        title: 'There is a problem',
        items: [{ message: 'The file you chose is empty. Export it from your MIS again.', targetId: FILE_INPUT_ID }],
      });
      return false;
    }
    const controller = startTask();
    setProblems(null);
    try {
      let base64 = encoded.current?.file === file ? encoded.current.base64 : null;
      if (base64 === null) {
        setPhase({ name: 'reading', loaded: 0, total: file.size });
        const bytes = await readFileBytes(file, ({ loaded, total }) => setPhase({ name: 'reading', loaded, total }), controller.signal);
        base64 = bytesToBase64(bytes);
        encoded.current = { file, base64 };
      }
      setPhase({ name: 'checking' });
      const headers = [...new Set([...mappingHeaders, ...Object.keys(choices)])];
      const sentChoices = { ...choices };
      const variables: PreviewRosterImportMutationVariables = {
        input: { fileBase64: base64, fullRoster, ...(headers.length ? { mapping: toMappingInput(headers, sentChoices) } : {}) },
      };
      const data = await request(PREVIEW_ROSTER_IMPORT_MUTATION, variables, { signal: controller.signal });
      const result = data.previewRosterImport;
      if (result.error || !result.import) {
        setProblems(
          problemsFrom('The file could not be checked', result.error ?? { code: 'UNKNOWN', message: 'The file could not be checked. Try again.', fields: [] }),
        );
        setPhase({ name: 'choose' });
        return false;
      }
      setCheckedChoices(sentChoices);
      const unknown = result.import.unmappedColumns;
      setMappingHeaders((previous) => (unknown.every((header) => previous.includes(header)) ? previous : [...new Set([...previous, ...unknown])]));
      setPhase({ name: 'previewed', preview: result.import });
      return true;
    } catch (error) {
      if (isAbort(error)) return false;
      setProblems({ title: 'The file could not be checked', items: [{ message: messageOf(error) }] });
      setPhase({ name: 'choose' });
      return false;
    }
  }, [file, fullRoster, choices, mappingHeaders]);

  const follow = useCallback(async (preview: RosterImport, start: RosterImportProgress) => {
    if (isSettled(start)) {
      setPhase(start.status === 'COMMITTED' ? { name: 'committed', preview, progress: start } : { name: 'failed', preview, progress: start });
      return;
    }
    const controller = startTask();
    setPhase({ name: 'committing', preview, progress: start, lostContact: null });
    try {
      const settled = await pollUntilSettled({
        id: preview.id,
        signal: controller.signal,
        fetchProgress: async (id) => (await request(ROSTER_IMPORT_PROGRESS_QUERY, { id }, { signal: controller.signal })).rosterImport,
        onProgress: (progress) => setPhase({ name: 'committing', preview, progress, lostContact: null }),
      });
      setPhase(settled.status === 'COMMITTED' ? { name: 'committed', preview, progress: settled } : { name: 'failed', preview, progress: settled });
    } catch (error) {
      if (isAbort(error)) return;
      setPhase((previous) => (previous.name === 'committing' ? { ...previous, lostContact: messageOf(error) } : previous));
    }
  }, []);

  /** Starts the commit of the showing preview, then follows it; `confirmMarkLeft` is the number of leavers the leader typed, when asked. */
  const commit = useCallback(
    async (confirmMarkLeft?: number) => {
      if (phase.name !== 'previewed' || !canCommit(phase.preview)) return;
      const preview = phase.preview;
      setProblems(null);
      setPhase({ name: 'committing', preview, progress: { ...progressOf(preview), status: 'COMMITTING', processedRows: 0 }, lostContact: null });
      let data: CommitRosterImportMutation;
      try {
        data = await request(COMMIT_ROSTER_IMPORT_MUTATION, { id: preview.id, confirmMarkLeft: confirmMarkLeft ?? null });
      } catch (error) {
        setProblems({ title: 'The import was not started', items: [{ message: messageOf(error) }] });
        setPhase({ name: 'previewed', preview });
        return;
      }
      const result = data.commitRosterImport;
      if (result.error || !result.import) {
        setProblems(
          problemsFrom('The import was not started', result.error ?? { code: 'UNKNOWN', message: 'The import was not started. Try again.', fields: [] }),
        );
        setPhase({ name: 'previewed', preview });
        return;
      }
      await follow(preview, progressOf(result.import));
    },
    [phase, follow],
  );

  /** After losing touch with a running commit: look again. */
  const resumeFollowing = useCallback(() => {
    if (phase.name === 'committing') void follow(phase.preview, phase.progress);
  }, [phase, follow]);

  const startAgain = useCallback(() => {
    running.current?.abort();
    encoded.current = null;
    setFile(null);
    setProblems(null);
    setPhase({ name: 'choose' });
  }, []);

  const preview = 'preview' in phase ? phase.preview : null;
  const unmapped = preview?.unmappedColumns ?? [];
  const mappingChanged = unmapped.some((header) => (choices[header] ?? '') !== (checkedChoices[header] ?? ''));

  return {
    file,
    fullRoster,
    choices,
    phase,
    problems,
    preview,
    mappingChanged,
    chooseFile,
    setFullRoster,
    chooseField,
    check,
    commit,
    resumeFollowing,
    startAgain,
  };
}
