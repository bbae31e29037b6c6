import { formatHashtags, parseHashtags } from '@waymark/ui';
import { checklistInput, type MeaningfulChecklist } from '../../../shared/checklist';
import { ENCOUNTER_KINDS, type EncounterKind } from '../../../shared/encounterKinds';
import type { EncounterInputFields } from '../graphql/createEncounter';

/** The encounter form as the person fills it in: text as typed, so nothing is lost while they type. */
export interface EncounterDraft {
  kind: EncounterKind | '';
  title: string;
  /** As an `<input type="date">` gives it: YYYY-MM-DD. */
  date: string;
  /** HH:MM, or '' when only the day is known. */
  startTime: string;
  endTime: string;
  hours: string;
  inSchoolDay: boolean;
  yearGroups: number[];
  /** Curriculum-linked lessons: the subject. */
  subject: string;
  /** As typed, e.g. "#engineering nhs". */
  hashtags: string;
  /** Guidance meetings: who gave the guidance and their qualification level. */
  adviserName: string;
  adviserLevel: string;
  benchmarks: number[];
  /** Once the person changes the benchmarks themself, choosing another kind no longer resets them. */
  benchmarksChosen: boolean;
  checklist: Partial<MeaningfulChecklist>;
}

export const FORM_FIELDS = [
  'kind',
  'title',
  'date',
  'startTime',
  'endTime',
  'hours',
  'yearGroups',
  'subject',
  'adviserName',
  'adviserLevel',
  'benchmarks',
  'hashtags',
  'register',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export interface FormProblem {
  field?: FormField;
  message: string;
}

export function defaultBenchmarks(kind: EncounterKind | ''): number[] {
  return [...(ENCOUNTER_KINDS.find((entry) => entry.value === kind)?.benchmarks ?? [])];
}

export function emptyDraft(today: string): EncounterDraft {
  return {
    kind: '',
    title: '',
    date: today,
    startTime: '',
    endTime: '',
    hours: '1',
    inSchoolDay: true,
    yearGroups: [],
    subject: '',
    hashtags: '',
    adviserName: '',
    adviserLevel: '',
    benchmarks: [],
    benchmarksChosen: false,
    checklist: {},
  };
}

/** The draft with another kind chosen: its default benchmarks follow, unless the person has chosen their own. */
export function withKind(draft: EncounterDraft, kind: EncounterKind | ''): EncounterDraft {
  return { ...draft, kind, benchmarks: draft.benchmarksChosen ? draft.benchmarks : defaultBenchmarks(kind) };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function validate(draft: EncounterDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.kind) errors.kind = 'Choose the kind of encounter';
  if (!draft.title.trim()) errors.title = 'Enter a title';
  if (!DAY.test(draft.date) || Number.isNaN(Date.parse(draft.date))) errors.date = 'Enter the date of the encounter';
  if (draft.startTime && !TIME.test(draft.startTime)) errors.startTime = 'Enter the start time as hours and minutes, for example 09:30';
  if (draft.endTime) {
    if (!TIME.test(draft.endTime)) errors.endTime = 'Enter the finish time as hours and minutes, for example 11:00';
    else if (!draft.startTime) errors.endTime = 'Enter the start time as well as the finish time';
    else if (TIME.test(draft.startTime) && draft.endTime <= draft.startTime) errors.endTime = 'The finish time must be after the start time';
  }
  const hours = Number(draft.hours);
  if (draft.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0) errors.hours = 'Enter how many hours it lasted, for example 1.5';
  else if (hours > 24 * 14) errors.hours = 'Hours must be 336 or fewer';
  if (draft.yearGroups.length === 0) errors.yearGroups = 'Choose at least one year group';
  if (draft.kind === 'CURRICULUM_LESSON' && !draft.subject.trim()) errors.subject = 'Choose the subject the lesson was part of';
  if (draft.kind === 'GUIDANCE_MEETING') {
    if (!draft.adviserName.trim()) errors.adviserName = "Enter the adviser's name";
    const level = Number(draft.adviserLevel);
    if (!Number.isInteger(level) || level < 1 || level > 8) errors.adviserLevel = "Enter the adviser's qualification level, a whole number from 1 to 8";
  }
  if (draft.benchmarks.length === 0) errors.benchmarks = 'Choose at least one benchmark it counts towards';
  return errors;
}

/** A server field path such as "input.title" or "register[2].pupilId" mapped onto one of the form's fields. */
export function toFormField(path: string): FormField | undefined {
  const segments = path.split(/[.[\]]/).filter(Boolean);
  if (segments.includes('endsAt')) return 'endTime';
  return FORM_FIELDS.find((field) => segments.includes(field));
}

/**
 * The moment a day and time name, as ISO. Without a time the day is sent as noon UTC, so it is the
 * same day wherever it is shown; with one, the time is the browser's (the school's) local time.
 */
export function toIsoDateTime(date: string, time: string): string {
  return time ? new Date(`${date}T${time}:00`).toISOString() : `${date}T12:00:00.000Z`;
}

/** Kept for callers that only know the day. */
export function toIsoDate(date: string): string {
  return toIsoDateTime(date, '');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The day and time an ISO moment shows as in the browser's time zone; noon UTC means "just the day". */
export function fromIsoDateTime(iso: string | null | undefined): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  if (/T12:00:00(\.000)?Z$/.test(iso)) return { date: iso.slice(0, 10), time: '' };
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return { date: '', time: '' };
  return {
    date: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}

/** The encounter's fields as `createEncounter` and `updateEncounter` take them (a valid draft only). */
export type EncounterFields = EncounterInputFields;

export function toEncounterFields(draft: EncounterDraft): EncounterFields {
  const kind = draft.kind as EncounterKind;
  const guidance = kind === 'GUIDANCE_MEETING';
  return {
    kind,
    title: draft.title.trim(),
    date: toIsoDateTime(draft.date, draft.startTime),
    endsAt: draft.endTime ? toIsoDateTime(draft.date, draft.endTime) : null,
    hours: Number(draft.hours),
    inSchoolDay: draft.inSchoolDay,
    yearGroups: [...draft.yearGroups].sort((a, b) => a - b),
    benchmarks: [...draft.benchmarks].sort((a, b) => a - b),
    subject: kind === 'CURRICULUM_LESSON' ? draft.subject.trim() : null,
    hashtags: parseHashtags(draft.hashtags),
    checklist: checklistInput(kind, draft.checklist),
    adviserName: guidance ? draft.adviserName.trim() : null,
    adviserLevel: guidance ? Number(draft.adviserLevel) : null,
  };
}

/** What an encounter already recorded looks like in the form, for editing. */
export interface EditableEncounter {
  kind: EncounterKind;
  title: string;
  date: string;
  endsAt: string | null;
  hours: number;
  inSchoolDay: boolean;
  yearGroups: number[];
  benchmarks: number[];
  subject: string | null;
  hashtags: string[];
  checklist: MeaningfulChecklist;
  adviserName: string | null;
  adviserLevel: number | null;
}

export function draftFromEncounter(encounter: EditableEncounter): EncounterDraft {
  const start = fromIsoDateTime(encounter.date);
  const end = fromIsoDateTime(encounter.endsAt);
  return {
    kind: encounter.kind,
    title: encounter.title,
    date: start.date,
    startTime: start.time,
    endTime: end.date === start.date ? end.time : '',
    hours: String(encounter.hours),
    inSchoolDay: encounter.inSchoolDay,
    yearGroups: [...encounter.yearGroups].sort((a, b) => a - b),
    subject: encounter.subject ?? '',
    hashtags: formatHashtags(encounter.hashtags),
    adviserName: encounter.adviserName ?? '',
    adviserLevel: encounter.adviserLevel != null ? String(encounter.adviserLevel) : '',
    benchmarks: [...encounter.benchmarks].sort((a, b) => a - b),
    benchmarksChosen: true,
    checklist: { ...encounter.checklist },
  };
}
