import type { EncounterKind } from './encounters.js';

/*
 * The facts behind the benchmark engine (docs/domain-rules.md), in the project's own words. The rules that
 * use them are computed in the encounters subgraph (docs: services/encounters/docs/benchmark-engine.md).
 */

/** The eight Gatsby Benchmarks, by number, with their 2025 names. */
export const GATSBY_BENCHMARKS = [
  { number: 1, name: 'A stable careers programme' },
  { number: 2, name: 'Learning from career and labour market information' },
  { number: 3, name: 'Addressing the needs of each young person' },
  { number: 4, name: 'Linking curriculum learning to careers' },
  { number: 5, name: 'Encounters with employers and employees' },
  { number: 6, name: 'Experiences of workplaces' },
  { number: 7, name: 'Encounters with further and higher education' },
  { number: 8, name: 'Personal guidance' },
] as const;

/** A benchmark's 2025 name; "Benchmark 9" for a number that is not one. */
export function benchmarkName(number: number): string {
  return GATSBY_BENCHMARKS.find((benchmark) => benchmark.number === number)?.name ?? `Benchmark ${number}`;
}

/** Kinds that are experiences of workplaces (Benchmark 6). */
export const WORKPLACE_KINDS = ['WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE'] as const satisfies readonly EncounterKind[];

/** Kinds that are encounters with education and training providers (Benchmark 7). */
export const PROVIDER_KINDS = [
  'SIXTH_FORM_ENCOUNTER',
  'FE_COLLEGE_ENCOUNTER',
  'UNIVERSITY_ENCOUNTER',
  'UNIVERSITY_VISIT',
  'TRAINING_PROVIDER_ENCOUNTER',
  'APPRENTICESHIP_PROVIDER_ENCOUNTER',
] as const satisfies readonly EncounterKind[];

/** Technical-education and apprenticeship providers: the encounters the provider-access duty asks for. */
export const PROVIDER_ACCESS_KINDS = [
  'FE_COLLEGE_ENCOUNTER',
  'TRAINING_PROVIDER_ENCOUNTER',
  'APPRENTICESHIP_PROVIDER_ENCOUNTER',
] as const satisfies readonly EncounterKind[];

/** The four parts of "the full range" of Benchmark 7 by 16, and the kinds that cover each. */
export const PROVIDER_RANGE = {
  sixthForm: ['SIXTH_FORM_ENCOUNTER'],
  feCollege: ['FE_COLLEGE_ENCOUNTER'],
  university: ['UNIVERSITY_ENCOUNTER', 'UNIVERSITY_VISIT'],
  trainingProvider: ['TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER'],
} as const satisfies Record<string, readonly EncounterKind[]>;

export type ChecklistScope = 'all' | 'workplace' | 'provider';

/** The meaningful checklist: every kind needs the 'all' items; workplace and provider kinds add theirs. */
export const CHECKLIST_ITEMS = [
  { key: 'purposeShared', scope: 'all', label: 'The purpose was agreed with the people running it and explained to pupils beforehand' },
  { key: 'learningOutcomes', scope: 'all', label: 'What pupils should learn was set to suit their age and needs' },
  { key: 'twoWayInteraction', scope: 'all', label: 'Pupils could ask questions and talk with the visitors, not only listen' },
  { key: 'reflectionTime', scope: 'all', label: 'Pupils had time afterwards to think about what they learned' },
  { key: 'staffInteraction', scope: 'workplace', label: 'Pupils spent real time with people who work there' },
  { key: 'rangeOfPeople', scope: 'workplace', label: 'Pupils met people in several different roles' },
  { key: 'employerTask', scope: 'workplace', label: 'The employer set pupils a task to do' },
  { key: 'employerFeedback', scope: 'workplace', label: 'The employer gave pupils feedback' },
  { key: 'metStaffAndLearners', scope: 'provider', label: 'Pupils met both staff and current students' },
  { key: 'entryRoutesInfo', scope: 'provider', label: 'Pupils heard about entry routes, qualifications and where they lead' },
  { key: 'learningExperience', scope: 'provider', label: 'Pupils saw what learning there is like' },
] as const satisfies readonly { key: string; scope: ChecklistScope; label: string }[];
export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
export const CHECKLIST_KEYS = CHECKLIST_ITEMS.map<ChecklistKey>((item) => item.key);

const includes = (list: readonly string[], kind: string) => list.includes(kind);

/** The checklist items that apply to an encounter of this kind, in order. */
export function checklistItemsFor(kind: EncounterKind): (typeof CHECKLIST_ITEMS)[number][] {
  return CHECKLIST_ITEMS.filter(
    (item) =>
      item.scope === 'all' || (item.scope === 'workplace' && includes(WORKPLACE_KINDS, kind)) || (item.scope === 'provider' && includes(PROVIDER_KINDS, kind)),
  );
}

/** Whether every item that applies to the kind is ticked. */
export function checklistMet(kind: EncounterKind, ticked: readonly string[]): boolean {
  return checklistItemsFor(kind).every((item) => ticked.includes(item.key));
}

/** The subjects a school's curriculum-linked careers coverage (Benchmark 4) is measured over. */
export const CURRICULUM_SUBJECTS = [
  'English',
  'Mathematics',
  'Science',
  'History',
  'Geography',
  'Modern languages',
  'Computing',
  'Design and technology',
  'Art and design',
  'Physical education',
] as const;

/** A guidance meeting counts for Benchmark 8 when the adviser holds a qualification at this level or above. */
export const QUALIFIED_ADVISER_LEVEL = 6;

/** Work experience is tallied in hours; a day is this many. */
export const HOURS_PER_DAY = 5;

/** The measures the engine computes per pupil, in display order. */
export const BENCHMARK_MEASURES = [
  { key: 'B2_LMI', benchmark: 2, label: 'Careers and labour-market information this key stage' },
  { key: 'B4_CURRICULUM', benchmark: 4, label: 'Careers in every subject this year' },
  { key: 'B5_EMPLOYERS', benchmark: 5, label: 'Meaningful employer encounter this year' },
  { key: 'B6_BY_16', benchmark: 6, label: 'Two workplace experiences by 16' },
  { key: 'B6_BY_18', benchmark: 6, label: 'A further workplace experience by 18' },
  { key: 'B7_BY_16', benchmark: 7, label: 'Every kind of college and university by 16' },
  { key: 'B7_BY_18', benchmark: 7, label: 'Two university visits by 18 (considering higher education)' },
  { key: 'B8_BY_16', benchmark: 8, label: 'Guidance meeting with a qualified adviser by 16' },
  { key: 'B8_BY_18', benchmark: 8, label: 'A further guidance meeting by 18' },
  { key: 'PROVIDER_ACCESS_Y8_9', benchmark: 7, label: 'Provider access: two encounters, Year 8 to February of Year 9' },
  { key: 'PROVIDER_ACCESS_Y10_11', benchmark: 7, label: 'Provider access: two encounters, Year 10 to February of Year 11' },
  { key: 'PROVIDER_ACCESS_Y12_13', benchmark: 7, label: 'Provider access (offered): two encounters, Year 12 to February of Year 13' },
] as const;
export type BenchmarkMeasureKey = (typeof BENCHMARK_MEASURES)[number]['key'];
export const BENCHMARK_MEASURE_KEYS = BENCHMARK_MEASURES.map<BenchmarkMeasureKey>((m) => m.key);

/**
 * Each measure in words an 11-year-old can follow, for pupils and their parents: a title (the official
 * name stays one tap away) and the next step to take while it is not done yet.
 */
export const MEASURES_FOR_PUPILS: Readonly<Record<BenchmarkMeasureKey, { title: string; nextStep: string }>> = {
  B2_LMI: {
    title: 'Finding out about jobs and where the work is',
    nextStep: 'Look out for lessons or talks about jobs and pay in your area, and ask your careers leader where to find out more.',
  },
  B4_CURRICULUM: {
    title: 'Seeing how your subjects link to jobs',
    nextStep: 'Ask your teachers which jobs use what you learn in their subject.',
  },
  B5_EMPLOYERS: {
    title: 'Meeting people from work this year',
    nextStep: 'Go to a talk, careers fair or workshop with people from work, then write down what you learned.',
  },
  B6_BY_16: {
    title: 'Two visits to a workplace by age 16',
    nextStep: 'Ask your careers leader about workplace visits or work experience, and write what you learned after each one.',
  },
  B6_BY_18: {
    title: 'One more time in a workplace by age 18',
    nextStep: 'Ask your careers leader about work experience or work shadowing in the sixth form.',
  },
  B7_BY_16: {
    title: 'Finding out about colleges, sixth forms, universities and apprenticeships by 16',
    nextStep: 'Go to an open day or a talk from a college, sixth form, university or apprenticeship provider.',
  },
  B7_BY_18: {
    title: 'Two university visits by 18, if you are thinking about university',
    nextStep: 'Visit a university in person or online, and tell your careers leader when you have.',
  },
  B8_BY_16: {
    title: 'A one-to-one talk with a careers adviser by 16',
    nextStep: 'Ask your careers leader for a meeting with the careers adviser.',
  },
  B8_BY_18: {
    title: 'Another talk with a careers adviser by 18',
    nextStep: 'Ask your careers leader for another meeting with the careers adviser before you leave.',
  },
  PROVIDER_ACCESS_Y8_9: {
    title: 'Hearing from colleges and apprenticeship providers in Years 8 and 9',
    nextStep: 'Your school arranges these visits and talks: go along and ask questions.',
  },
  PROVIDER_ACCESS_Y10_11: {
    title: 'Hearing from colleges and apprenticeship providers in Years 10 and 11',
    nextStep: 'Your school arranges these visits and talks: go along and ask questions.',
  },
  PROVIDER_ACCESS_Y12_13: {
    title: 'Being offered talks from colleges and apprenticeship providers in Years 12 and 13',
    nextStep: 'Your school offers these: go along if you want to find out about other routes.',
  },
};

/** Pupils' own activities: what each can count as once staff verify it, and a hint for the pupil choosing it. */
export const OWN_ACTIVITY_KINDS = {
  PART_TIME_JOB: { label: 'Part-time job', hint: 'Paid work, such as a Saturday job', countsAs: null, benchmarks: [5] },
  WORK_EXPERIENCE: { label: 'Work experience I found', hint: 'Time at a workplace you arranged yourself', countsAs: 'WORK_EXPERIENCE', benchmarks: [6] },
  UNIVERSITY_OPEN_DAY: { label: 'University open day', hint: 'A visit to a university, in person or online', countsAs: 'UNIVERSITY_VISIT', benchmarks: [7] },
  VOLUNTEERING: { label: 'Volunteering', hint: 'Unpaid work for a charity, club or community group', countsAs: null, benchmarks: [] },
  OTHER: { label: 'Something else', hint: 'Any other careers activity', countsAs: null, benchmarks: [] },
} as const satisfies Record<string, { label: string; hint: string; countsAs: EncounterKind | null; benchmarks: number[] }>;
export type OwnActivityKind = keyof typeof OWN_ACTIVITY_KINDS;
export const OWN_ACTIVITY_KIND_KEYS = Object.keys(OWN_ACTIVITY_KINDS) as OwnActivityKind[];
