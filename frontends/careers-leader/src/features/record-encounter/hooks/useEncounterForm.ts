import { request } from '@waymark/graphql-client';
import { useState } from 'react';
import { todayIso } from '../../../shared/download';
import type { EncounterKind } from '../../../shared/encounterKinds';
import type { EncounterSummary } from '../../../shared/types';
import { CREATE_ENCOUNTER_MUTATION, UPDATE_ENCOUNTER_MUTATION, type EncounterResult } from '../graphql/createEncounter';
import {
  emptyDraft,
  toEncounterInput,
  toFormField,
  validate,
  withKind,
  type EncounterDraft,
  type FieldErrors,
  type FormField,
  type FormProblem,
} from '../lib/encounterDraft';
import type { RegisterState } from './useRegister';

export type EncounterFormMode = { mode: 'create' } | { mode: 'edit'; encounterId: string; initial: EncounterDraft };

/**
 * The encounter form for recording a new encounter (with its register) or changing one already
 * recorded: the draft, its problems (each tied to a field where possible) and the submit.
 */
export function useEncounterForm(options: EncounterFormMode, onSaved: (encounter: EncounterSummary) => void) {
  const [draft, setDraft] = useState<EncounterDraft>(() => (options.mode === 'edit' ? options.initial : emptyDraft(todayIso())));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const update = <Key extends keyof EncounterDraft>(key: Key, value: EncounterDraft[Key]) => {
    setDraft((previous) => (key === 'kind' ? withKind(previous, value as EncounterKind | '') : { ...previous, [key]: value }));
  };

  const toggleYearGroup = (yearGroup: number, chosen: boolean) => {
    setDraft((previous) => ({
      ...previous,
      yearGroups: chosen ? [...new Set([...previous.yearGroups, yearGroup])].sort((a, b) => a - b) : previous.yearGroups.filter((year) => year !== yearGroup),
    }));
  };

  const toggleBenchmark = (benchmark: number, chosen: boolean) => {
    setDraft((previous) => ({
      ...previous,
      benchmarksChosen: true,
      benchmarks: chosen ? [...new Set([...previous.benchmarks, benchmark])].sort((a, b) => a - b) : previous.benchmarks.filter((value) => value !== benchmark),
    }));
  };

  const tick = (key: string, ticked: boolean) => {
    setDraft((previous) => ({ ...previous, checklist: { ...previous.checklist, [key]: ticked } }));
  };

  const fail = (errors: FieldErrors, list: FormProblem[], message: string | null) => {
    setFieldErrors(errors);
    setProblems(list);
    setErrorMessage(message);
  };

  /** Resolves true when the encounter was saved. */
  const submit = async (register?: RegisterState): Promise<boolean> => {
    const errors = validate(draft);
    if (register && draft.yearGroups.length > 0 && register.loading) errors.register = 'Wait for the register to finish loading';
    fail(
      errors,
      Object.entries(errors).map(([field, message]) => ({ field: field as FormField, message })),
      null,
    );
    if (Object.keys(errors).length > 0) return false;

    const fields = toEncounterInput(draft);
    let result: EncounterResult | undefined;
    setSubmitting(true);
    try {
      if (options.mode === 'edit') {
        const data = await request(UPDATE_ENCOUNTER_MUTATION, { input: { id: options.encounterId, ...fields } });
        result = data.updateEncounter;
      } else {
        const registerEntries = (register?.pupils ?? []).map((pupil) => ({ pupilId: pupil.id, attended: register?.attendance[pupil.id] !== false }));
        const data = await request(CREATE_ENCOUNTER_MUTATION, { input: { ...fields, register: registerEntries } });
        result = data.createEncounter;
      }
    } catch (error) {
      fail({}, [], error instanceof Error ? error.message : 'The encounter could not be saved. Try again.');
      return false;
    } finally {
      setSubmitting(false);
    }

    if (result.error || !result.encounter) {
      const serverErrors: FieldErrors = {};
      const serverProblems: FormProblem[] = [];
      for (const fieldError of result.error?.fields ?? []) {
        const field = toFormField(fieldError.field);
        if (field && !serverErrors[field]) serverErrors[field] = fieldError.message;
        serverProblems.push({ field, message: fieldError.message });
      }
      fail(serverErrors, serverProblems, result.error?.message ?? 'The encounter could not be saved.');
      return false;
    }
    if (options.mode === 'create') setDraft(emptyDraft(todayIso()));
    onSaved(result.encounter);
    return true;
  };

  return { draft, update, toggleYearGroup, toggleBenchmark, tick, fieldErrors, problems, errorMessage, submitting, submit };
}
