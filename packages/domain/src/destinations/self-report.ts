import { addDays, parseDay } from '../london-time.js';
import { textProblem, type FieldProblems } from '../forms/text.js';
import { APPRENTICESHIP_LEVELS, EDUCATION_PROVIDER_KINDS, type Activity, type EducationProviderKind } from './activity-spells.js';

/*
 * What a young person's own report of what they do now must say (docs/domain-rules.md,
 * "Destinations"): a leaver's answer through their school's private link, and a confirmed alumnus's
 * answer in the employer portal, are checked by the same rules. The messages are read by 16 to 19
 * year olds (and former pupils), so they are plain English.
 */

/** How far ahead a start may be: a place that starts within the next month. */
const FUTURE_START_DAYS = 31;

/** What a young person can say they are doing (every spell kind but "not known": they know). */
const REPORTABLE_ACTIVITIES = [
  'EDUCATION',
  'APPRENTICESHIP',
  'EMPLOYMENT_WITH_TRAINING',
  'EMPLOYMENT_WITHOUT_TRAINING',
  'NEET_AVAILABLE',
  'NEET_NOT_AVAILABLE',
] as const satisfies readonly Activity[];

/** The activities that have a place (provider or employer) and a course or job. */
const WITH_PLACE: readonly Activity[] = ['EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING'];

export type SelfReportField = 'activity' | 'providerKind' | 'apprenticeshipLevel' | 'provider' | 'course' | 'startsOn';

/** A report as the page sends it, every value unchecked. */
export interface SelfReportAnswer {
  activity?: unknown;
  providerKind?: unknown;
  apprenticeshipLevel?: unknown;
  provider?: unknown;
  course?: unknown;
  startsOn?: unknown;
}

/** A report that passed the checks, ready to store. */
export interface CheckedSelfReport {
  activity: Activity;
  providerKind: EducationProviderKind | null;
  apprenticeshipLevel: number | null;
  provider: string | null;
  course: string | null;
  startsOn: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Checks a report on `today`: the fields its activity needs, and a start no earlier than 1 June of
 * `leavingYear` and no later than a month from today. `leavingYear` is the summer a leaver finished
 * Year 11, or (`left: 'school'`) the year an alumnus says they left the school.
 */
export function checkSelfReport(
  answer: SelfReportAnswer,
  leavingYear: number,
  today: string,
  left: 'year11' | 'school' = 'year11',
): { ok: true; report: CheckedSelfReport } | { ok: false; problems: FieldProblems<SelfReportField> } {
  const problems: FieldProblems<SelfReportField> = {};
  const activity = str(answer.activity) as Activity;
  const known = (REPORTABLE_ACTIVITIES as readonly string[]).includes(activity);
  if (!known) problems.activity = 'Choose what you are doing now';
  const providerKind = str(answer.providerKind) || null;
  if (activity === 'EDUCATION' && (!providerKind || !Object.hasOwn(EDUCATION_PROVIDER_KINDS, providerKind)))
    problems.providerKind = 'Choose where you study, for example a college';
  const level = typeof answer.apprenticeshipLevel === 'number' ? answer.apprenticeshipLevel : Number(str(answer.apprenticeshipLevel) || NaN);
  if (activity === 'APPRENTICESHIP' && !(APPRENTICESHIP_LEVELS as readonly number[]).includes(level))
    problems.apprenticeshipLevel = 'Choose the level of your apprenticeship, from 2 to 7';
  const withPlace = WITH_PLACE.includes(activity);
  const place = activity === 'EDUCATION' ? 'the name of your school, college or university' : 'the name of your employer or training provider';
  const provider = textProblem(str(answer.provider), { max: 200, name: 'the name', ...(withPlace ? { missing: `Enter ${place}` } : {}) });
  if (provider) problems.provider = provider;
  const course = textProblem(str(answer.course), {
    max: 200,
    name: 'the course or job',
    ...(withPlace ? { missing: activity === 'EDUCATION' ? 'Enter the course you are doing' : 'Enter your job title' } : {}),
  });
  if (course) problems.course = course;
  const startsOn = parseDay(str(answer.startsOn));
  const earliest = `${leavingYear}-06-01`;
  const latest = addDays(today, FUTURE_START_DAYS);
  if (!startsOn) problems.startsOn = 'Enter the date you started, for example 4 September 2025';
  else if (startsOn < earliest)
    problems.startsOn = `The date you started must be after you left ${left === 'school' ? 'school' : 'Year 11'} (on or after 1 June ${leavingYear})`;
  else if (startsOn > latest) problems.startsOn = 'The date you started can be up to a month from today, not later';
  if (Object.keys(problems).length > 0 || !startsOn) return { ok: false, problems };
  return {
    ok: true,
    report: {
      activity,
      providerKind: activity === 'EDUCATION' ? (providerKind as EducationProviderKind) : null,
      apprenticeshipLevel: activity === 'APPRENTICESHIP' ? level : null,
      provider: withPlace ? str(answer.provider) : null,
      course: withPlace ? str(answer.course) : null,
      startsOn,
    },
  };
}
