import { useMutation } from '@waymark/graphql-client';
import { useState } from 'react';
import type { EncounterKind } from '../../../shared/encounterKinds';
import type { EncounterSummary } from '../../../shared/types';
import {
  CREATE_ENCOUNTER_MUTATION,
  type CreateEncounterData,
  type CreateEncounterVariables,
} from '../graphql/createEncounter';
import type { RegisterState } from './useRegister';

export interface EncounterDraft {
  kind: EncounterKind | '';
  title: string;
  /** As an `<input type="date">` gives it: YYYY-MM-DD. */
  date: string;
  hours: string;
  inSchoolDay: boolean;
  yearGroups: number[];
}

export const FORM_FIELDS = ['kind', 'title', 'date', 'hours', 'yearGroups', 'register'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export interface FormProblem {
  field?: FormField;
  message: string;
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const emptyDraft = (): EncounterDraft => ({ kind: '', title: '', date: today(), hours: '1', inSchoolDay: true, yearGroups: [] });

export function validate(draft: EncounterDraft, register: Pick<RegisterState, 'pupils' | 'loading'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.kind) errors.kind = 'Choose the kind of encounter';
  if (!draft.title.trim()) errors.title = 'Enter a title';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(draft.date))) errors.date = 'Enter the date of the encounter';
  const hours = Number(draft.hours);
  if (draft.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0) errors.hours = 'Enter how many hours it lasted, for example 1.5';
  else if (hours > 24 * 14) errors.hours = 'Hours must be 336 or fewer';
  if (draft.yearGroups.length === 0) errors.yearGroups = 'Choose at least one year group';
  else if (register.loading) errors.register = 'Wait for the register to finish loading';
  return errors;
}

/** A server field path such as "input.title" or "register[2].pupilId" mapped onto one of the form's fields. */
export function toFormField(path: string): FormField | undefined {
  const segments = path.split(/[.[\]]/).filter(Boolean);
  return FORM_FIELDS.find((field) => segments.includes(field));
}

/** Dates are sent as noon UTC so the day is the same wherever the time is shown. */
export function toIsoDate(date: string): string {
  return `${date}T12:00:00.000Z`;
}

export function useRecordEncounterForm(onRecorded: (encounter: EncounterSummary) => void) {
  const [draft, setDraft] = useState<EncounterDraft>(emptyDraft);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [createEncounter, mutation] = useMutation<CreateEncounterData, CreateEncounterVariables>(CREATE_ENCOUNTER_MUTATION);

  const update = <Key extends keyof EncounterDraft>(key: Key, value: EncounterDraft[Key]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const toggleYearGroup = (yearGroup: number, chosen: boolean) => {
    setDraft((previous) => ({
      ...previous,
      yearGroups: chosen
        ? [...new Set([...previous.yearGroups, yearGroup])].sort((a, b) => a - b)
        : previous.yearGroups.filter((year) => year !== yearGroup),
    }));
  };

  /** Resolves true when the encounter was recorded. */
  const submit = async (register: RegisterState): Promise<boolean> => {
    const errors = validate(draft, register);
    setFieldErrors(errors);
    setErrorMessage(null);
    setProblems(Object.entries(errors).map(([field, message]) => ({ field: field as FormField, message })));
    if (Object.keys(errors).length > 0) return false;

    const { data, error } = await createEncounter({
      input: {
        kind: draft.kind as EncounterKind,
        title: draft.title.trim(),
        date: toIsoDate(draft.date),
        hours: Number(draft.hours),
        inSchoolDay: draft.inSchoolDay,
        yearGroups: draft.yearGroups,
        register: register.pupils.map((pupil) => ({ pupilId: pupil.id, attended: register.attendance[pupil.id] !== false })),
      },
    });

    const result = data?.createEncounter;
    if (error || !result) {
      setErrorMessage(error?.message ?? 'The encounter could not be recorded. Try again.');
      setProblems([]);
      return false;
    }
    if (result.error || !result.encounter) {
      const serverFieldErrors: FieldErrors = {};
      const serverProblems: FormProblem[] = [];
      for (const fieldError of result.error?.fields ?? []) {
        const field = toFormField(fieldError.field);
        if (field && !serverFieldErrors[field]) serverFieldErrors[field] = fieldError.message;
        serverProblems.push({ field, message: fieldError.message });
      }
      setFieldErrors(serverFieldErrors);
      setProblems(serverProblems);
      setErrorMessage(result.error?.message ?? 'The encounter could not be recorded.');
      return false;
    }
    setDraft(emptyDraft());
    onRecorded(result.encounter);
    return true;
  };

  return { draft, update, toggleYearGroup, fieldErrors, problems, errorMessage, submitting: mutation.loading, submit };
}
