/** Every EncounterKind with the label staff see and the Gatsby benchmarks it counts towards by default. */
export const ENCOUNTER_KINDS = [
  { value: 'EMPLOYER_TALK', label: 'Employer talk', benchmarks: [5] },
  { value: 'CAREERS_FAIR', label: 'Careers fair', benchmarks: [5, 7] },
  { value: 'MENTORING', label: 'Mentoring', benchmarks: [5] },
  { value: 'ENTERPRISE_CHALLENGE', label: 'Enterprise challenge', benchmarks: [5] },
  { value: 'MOCK_INTERVIEW', label: 'Mock interview', benchmarks: [5] },
  { value: 'WORKPLACE_VISIT', label: 'Workplace visit', benchmarks: [6] },
  { value: 'WORK_SHADOWING', label: 'Work shadowing', benchmarks: [6] },
  { value: 'WORK_EXPERIENCE', label: 'Work experience placement', benchmarks: [6] },
  { value: 'SIXTH_FORM_ENCOUNTER', label: 'Sixth-form encounter', benchmarks: [7] },
  { value: 'FE_COLLEGE_ENCOUNTER', label: 'FE college encounter', benchmarks: [7] },
  { value: 'UNIVERSITY_ENCOUNTER', label: 'University encounter', benchmarks: [7] },
  { value: 'TRAINING_PROVIDER_ENCOUNTER', label: 'Training provider encounter', benchmarks: [7] },
  { value: 'APPRENTICESHIP_PROVIDER_ENCOUNTER', label: 'Apprenticeship provider encounter', benchmarks: [7] },
  { value: 'UNIVERSITY_VISIT', label: 'University visit', benchmarks: [7] },
  { value: 'CAREERS_LESSON', label: 'Careers lesson', benchmarks: [2] },
  { value: 'LMI_SESSION', label: 'Labour-market information session', benchmarks: [2] },
  { value: 'CURRICULUM_LESSON', label: 'Curriculum-linked careers lesson', benchmarks: [4] },
  { value: 'GUIDANCE_MEETING', label: 'Personal guidance meeting', benchmarks: [8] },
  { value: 'PARENTS_EVENT', label: "Parents' event", benchmarks: [3] },
] as const;

export type EncounterKind = (typeof ENCOUNTER_KINDS)[number]['value'];

export const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;

/** "Year 9" or "Years 10, 11 and 12". */
export function formatYearGroups(years: readonly number[]): string {
  if (years.length === 0) return 'None';
  const sorted = [...years].sort((a, b) => a - b);
  if (sorted.length === 1) return `Year ${sorted[0]}`;
  return `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}
