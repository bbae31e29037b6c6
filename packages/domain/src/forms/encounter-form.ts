import { CURRICULUM_SUBJECTS } from '../benchmarks.js';
import { ENCOUNTER_KINDS, type EncounterKind } from '../encounters.js';
import { isYearGroup } from '../academic-year.js';
import { checkHashtags } from './hashtags.js';
import { hoursProblem, textProblem, type FieldProblems } from './text.js';

export const ENCOUNTER_LIMITS = { titleLength: 200, hours: 200, adviserNameLength: 200, lowestAdviserLevel: 1, highestAdviserLevel: 8 } as const;

/** The fields of `createEncounter` and `updateEncounter` the rules look at. */
export type EncounterFormField =
  'kind' | 'title' | 'date' | 'endsAt' | 'hours' | 'yearGroups' | 'subject' | 'adviserName' | 'adviserLevel' | 'benchmarks' | 'hashtags';

/** An encounter's values as the API takes them (an invalid Date or NaN where the form could not read one). */
export interface EncounterFormValues {
  /** '' until one is chosen. */
  kind: string;
  title: string;
  date: Date;
  hasTime: boolean;
  endsAt: Date | null;
  hours: number;
  yearGroups: readonly number[];
  /** null: the kind's defaults. */
  benchmarks: readonly number[] | null;
  subject: string | null;
  adviserName: string | null;
  adviserLevel: number | null;
  hashtags: readonly string[];
}

const isKind = (kind: string): kind is EncounterKind => Object.hasOwn(ENCOUNTER_KINDS, kind);

/** The curriculum subject a name stands for, whatever its case; null when it is not one. */
export function curriculumSubject(name: string | null | undefined): (typeof CURRICULUM_SUBJECTS)[number] | null {
  const wanted = (name ?? '').trim().toLowerCase();
  return CURRICULUM_SUBJECTS.find((subject) => subject.toLowerCase() === wanted) ?? null;
}

/** The latest day an encounter may be planned for: a year from `now`. */
function latestStart(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/** Every problem with an encounter's values at once, so a form can show them all; `now` bounds the date. */
export function checkEncounter(values: EncounterFormValues, now: Date): FieldProblems<EncounterFormField> {
  const problems: FieldProblems<EncounterFormField> = {};
  const kind = isKind(values.kind) ? values.kind : null;
  if (!kind) problems.kind = 'Choose the kind of encounter';

  const title = textProblem(values.title, { missing: 'Enter a title', max: ENCOUNTER_LIMITS.titleLength, name: 'the title' });
  if (title) problems.title = title;

  if (Number.isNaN(values.date.getTime())) problems.date = 'Enter the date of the encounter';
  else if (values.date > latestStart(now)) problems.date = 'The date cannot be more than a year ahead';
  if (values.endsAt) {
    if (!values.hasTime) problems.endsAt = 'Enter the start time as well as the finish time';
    else if (Number.isNaN(values.endsAt.getTime()) || values.endsAt <= values.date) problems.endsAt = 'The finish time must be after the start time';
  }

  const hours = hoursProblem(values.hours, ENCOUNTER_LIMITS.hours, 'Enter how many hours it lasted, for example 1.5');
  if (hours) problems.hours = hours;

  if (values.yearGroups.length === 0) problems.yearGroups = 'Choose at least one year group';
  else if (!values.yearGroups.every(isYearGroup)) problems.yearGroups = 'Year groups run from 7 to 13';

  if (kind === 'CURRICULUM_LESSON' && !curriculumSubject(values.subject)) problems.subject = 'Choose the subject the lesson was part of';

  if (kind === 'GUIDANCE_MEETING') {
    const adviserName = textProblem(values.adviserName, {
      missing: "Enter the adviser's name",
      max: ENCOUNTER_LIMITS.adviserNameLength,
      name: "the adviser's name",
    });
    if (adviserName) problems.adviserName = adviserName;
    const level = values.adviserLevel;
    if (level === null || !Number.isInteger(level) || level < ENCOUNTER_LIMITS.lowestAdviserLevel || level > ENCOUNTER_LIMITS.highestAdviserLevel) {
      problems.adviserLevel = "Enter the adviser's qualification level, a whole number from 1 to 8";
    }
  }

  if (values.benchmarks) {
    if (values.benchmarks.length === 0) problems.benchmarks = 'Choose at least one benchmark it counts towards';
    else if (!values.benchmarks.every((b) => Number.isInteger(b) && b >= 1 && b <= 8)) problems.benchmarks = 'Benchmarks run from 1 to 8';
  }

  const { problem: hashtags } = checkHashtags(values.hashtags);
  if (hashtags) problems.hashtags = hashtags;
  return problems;
}
