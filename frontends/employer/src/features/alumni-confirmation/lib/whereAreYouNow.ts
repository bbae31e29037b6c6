import type { SelfReportAnswer } from '@waymark/domain';

/** What a former pupil can say they do now, in their words (the destinations subgraph's spell kinds, as on the leavers' page). */
export const CHOICES = [
  { value: 'EDUCATION', label: 'Studying at a sixth form, college or university' },
  { value: 'APPRENTICESHIP', label: 'An apprenticeship' },
  { value: 'EMPLOYMENT_WITH_TRAINING', label: 'A job with training (for example, a day a week at college)' },
  { value: 'EMPLOYMENT_WITHOUT_TRAINING', label: 'A job without training' },
  { value: 'NEET_AVAILABLE', label: 'Not in work or education, and looking for something' },
  { value: 'NEET_NOT_AVAILABLE', label: 'Not in work or education, and not looking right now (for example, because you are ill or caring for someone)' },
] as const;

export const PLACE_KINDS = [
  { value: 'SCHOOL_SIXTH_FORM', label: 'A school sixth form' },
  { value: 'SIXTH_FORM_COLLEGE', label: 'A sixth-form college' },
  { value: 'FE_COLLEGE', label: 'A further education college' },
  { value: 'UNIVERSITY', label: 'A university' },
  { value: 'OTHER', label: 'Somewhere else' },
];

export const LEVELS = [
  { value: '2', label: 'Level 2 (intermediate, like GCSEs)' },
  { value: '3', label: 'Level 3 (advanced, like A levels)' },
  { value: '4', label: 'Level 4 (higher)' },
  { value: '5', label: 'Level 5 (higher)' },
  { value: '6', label: 'Level 6 (degree)' },
  { value: '7', label: "Level 7 (master's degree)" },
];

export type FieldName = 'activity' | 'providerKind' | 'apprenticeshipLevel' | 'provider' | 'course' | 'startsOn';
export type Values = Record<FieldName, string>;

/** Whether a choice has a place (provider or employer) and a course or job to name. */
export function hasPlace(choice: string): boolean {
  return choice === 'EDUCATION' || choice === 'APPRENTICESHIP' || choice === 'EMPLOYMENT_WITH_TRAINING' || choice === 'EMPLOYMENT_WITHOUT_TRAINING';
}

/** What the form sends: only the fields its choice asks for (the rest are left out, as the leavers' page does). */
export function answerOf(values: Values): SelfReportAnswer & { activity: string } {
  const answer: SelfReportAnswer & { activity: string } = { activity: values.activity, startsOn: values.startsOn };
  if (values.activity === 'EDUCATION') answer.providerKind = values.providerKind;
  if (values.activity === 'APPRENTICESHIP') answer.apprenticeshipLevel = Number(values.apprenticeshipLevel) || values.apprenticeshipLevel;
  if (hasPlace(values.activity)) Object.assign(answer, { provider: values.provider, course: values.course });
  return answer;
}

/** A report in a sentence, for the list of past reports. */
export function describeReport(report: { activity: string; provider?: string | null; course?: string | null }): string {
  const label = CHOICES.find((choice) => choice.value === report.activity)?.label ?? report.activity;
  const place = [report.course, report.provider].filter(Boolean).join(' at ');
  return place ? `${label}: ${place}` : label;
}

/** Whether the school has looked at it, in plain words. */
export function statusText(status: string): string {
  if (status === 'PENDING') return 'Your school has not looked at this yet';
  if (status === 'REJECTED') return 'Your school looked at this and did not keep it';
  return 'Your school has looked at this and kept it';
}
