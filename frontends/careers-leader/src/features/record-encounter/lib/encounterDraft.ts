import { checkEncounter, encounterStart, encounterStartParts, instantInEngland, parseTime } from '@waymark/domain';
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

/**
 * Problems with the draft, keyed by form field. The times are read here (the API takes instants);
 * everything else is judged by `checkEncounter` of @waymark/domain, the rules the API runs too.
 */
export function validate(draft: EncounterDraft, now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const startTime = parseTime(draft.startTime);
  const endTime = parseTime(draft.endTime);
  if (draft.startTime && !startTime) errors.startTime = 'Enter the start time as hours and minutes, for example 09:30';
  if (draft.endTime && !endTime) errors.endTime = 'Enter the finish time as hours and minutes, for example 11:00';
  const fields = toEncounterInput({ ...draft, startTime: startTime ?? '', endTime: endTime ?? '' });
  const problems = checkEncounter({ ...fields, date: new Date(fields.date), endsAt: fields.endsAt ? new Date(fields.endsAt) : null }, now);
  for (const [field, message] of Object.entries(problems)) {
    const formField = toFormField(field);
    if (formField && !errors[formField]) errors[formField] = message;
  }
  return errors;
}

/** A server field path such as "input.title" or "register[2].pupilId" mapped onto one of the form's fields. */
export function toFormField(path: string): FormField | undefined {
  const segments = path.split(/[.[\]]/).filter(Boolean);
  if (segments.includes('endsAt')) return 'endTime';
  return FORM_FIELDS.find((field) => segments.includes(field));
}

/**
 * The moment a day and time name, as ISO: the time on a clock in England (where every school is),
 * whatever the browser's time zone. Without a time, the day travels as noon UTC, and the API is
 * told so (`hasTime`) rather than left to guess from the clock.
 */
export function toIsoDateTime(date: string, time: string): string {
  const start = encounterStart(date, time);
  return Number.isNaN(start.date.getTime()) ? '' : start.date.toISOString();
}

/** Kept for callers that only know the day. */
export function toIsoDate(date: string): string {
  return toIsoDateTime(date, '');
}

/** The day and time of an ISO moment in England; with `hasTime` false, only its day. */
export function fromIsoDateTime(iso: string | null | undefined, hasTime = false): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const { day, time } = encounterStartParts(iso, hasTime);
  return { date: day, time };
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
    endsAt: draft.endTime ? finishOf(draft.date, draft.endTime) : null,
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

/** The finish on the encounter's day, in England; '' when the day or time cannot be read. */
function finishOf(date: string, time: string): string {
  const finish = instantInEngland(date, time);
  return Number.isNaN(finish.getTime()) ? '' : finish.toISOString();
}

/** What `createEncounter` and `updateEncounter` are sent: the fields, and whether the start has a time. */
export function toEncounterInput(draft: EncounterDraft): EncounterFields & { hasTime: boolean } {
  return { ...toEncounterFields(draft), hasTime: draft.startTime !== '' };
}

/** What an encounter already recorded looks like in the form, for editing. */
export interface EditableEncounter {
  kind: EncounterKind;
  title: string;
  date: string;
  /** Whether `date` carries a start time; as the API reads a date without the flag, a moment when left out. */
  hasTime?: boolean;
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
  const start = fromIsoDateTime(encounter.date, encounter.hasTime ?? true);
  const end = fromIsoDateTime(encounter.endsAt, true);
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
