/** Kinds of careers activity and the benchmarks each serves by default (the leader may change them). */
export const ENCOUNTER_KINDS = {
  EMPLOYER_TALK: { label: 'Employer talk', benchmarks: [5] },
  CAREERS_FAIR: { label: 'Careers fair', benchmarks: [5, 7] },
  MENTORING: { label: 'Mentoring', benchmarks: [5] },
  ENTERPRISE_CHALLENGE: { label: 'Enterprise challenge', benchmarks: [5] },
  MOCK_INTERVIEW: { label: 'Mock interview', benchmarks: [5] },
  WORKPLACE_VISIT: { label: 'Workplace visit', benchmarks: [6] },
  WORK_SHADOWING: { label: 'Work shadowing', benchmarks: [6] },
  WORK_EXPERIENCE: { label: 'Work experience placement', benchmarks: [6] },
  SIXTH_FORM_ENCOUNTER: { label: 'Sixth-form encounter', benchmarks: [7] },
  FE_COLLEGE_ENCOUNTER: { label: 'FE college encounter', benchmarks: [7] },
  UNIVERSITY_ENCOUNTER: { label: 'University encounter', benchmarks: [7] },
  TRAINING_PROVIDER_ENCOUNTER: { label: 'Training provider encounter', benchmarks: [7] },
  APPRENTICESHIP_PROVIDER_ENCOUNTER: { label: 'Apprenticeship provider encounter', benchmarks: [7] },
  UNIVERSITY_VISIT: { label: 'University visit', benchmarks: [7] },
  CAREERS_LESSON: { label: 'Careers lesson', benchmarks: [2] },
  LMI_SESSION: { label: 'Labour-market information session', benchmarks: [2] },
  CURRICULUM_LESSON: { label: 'Curriculum-linked careers lesson', benchmarks: [4] },
  GUIDANCE_MEETING: { label: 'Personal guidance meeting', benchmarks: [8] },
  PARENTS_EVENT: { label: "Parents' event", benchmarks: [3] },
} as const satisfies Record<string, { label: string; benchmarks: number[] }>;
export type EncounterKind = keyof typeof ENCOUNTER_KINDS;
export const ENCOUNTER_KIND_KEYS = Object.keys(ENCOUNTER_KINDS) as EncounterKind[];
