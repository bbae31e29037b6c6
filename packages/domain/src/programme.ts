import { academicYearOfDay, isYearGroup } from './academic-year.js';
import { VULNERABLE_GROUP_CODES } from './groups.js';
import { parseDay } from './london-time.js';
import { textProblem, type FieldProblems } from './forms/text.js';

/*
 * The careers programme planner (Gatsby Benchmark 1): a school's plan for an academic year, by half
 * term and year group. The rules here are shared by the careers-leader portal, which checks a plan
 * item before sending it, and the encounters subgraph, which checks it again before saving
 * (docs/domain-rules.md, "Programme planner").
 */

/**
 * The six areas of the CDI Career Development Framework a planned activity's learning outcomes map
 * to, each with a short description of what it is about (our own words).
 */
export const CDI_AREAS = {
  GROW_THROUGHOUT_LIFE: {
    label: 'Grow throughout life',
    description: 'Keep learning and building skills and confidence, in school and after it.',
  },
  EXPLORE_POSSIBILITIES: {
    label: 'Explore possibilities',
    description: 'Find out about jobs, courses and routes, and what each of them involves.',
  },
  MANAGE_CAREER: {
    label: 'Manage career',
    description: 'Make plans, take decisions and deal with changes along the way.',
  },
  CREATE_OPPORTUNITIES: {
    label: 'Create opportunities',
    description: 'Make the most of contacts, applications and chances to try things out.',
  },
  BALANCE_LIFE_AND_WORK: {
    label: 'Balance life and work',
    description: 'Weigh work against health, family, money and the rest of life.',
  },
  SEE_THE_BIG_PICTURE: {
    label: 'See the big picture',
    description: 'Understand how the economy, society and the world of work change and affect choices.',
  },
} as const;
export type CdiArea = keyof typeof CDI_AREAS;
export const CDI_AREA_KEYS = Object.keys(CDI_AREAS) as CdiArea[];

export function isCdiArea(value: string): value is CdiArea {
  return Object.hasOwn(CDI_AREAS, value);
}

/** The six half terms of an academic year, in order. */
export const HALF_TERMS = {
  AUTUMN_1: 'Autumn 1',
  AUTUMN_2: 'Autumn 2',
  SPRING_1: 'Spring 1',
  SPRING_2: 'Spring 2',
  SUMMER_1: 'Summer 1',
  SUMMER_2: 'Summer 2',
} as const;
export type HalfTerm = keyof typeof HALF_TERMS;
export const HALF_TERM_KEYS = Object.keys(HALF_TERMS) as HalfTerm[];

export function isHalfTerm(value: string): value is HalfTerm {
  return Object.hasOwn(HALF_TERMS, value);
}

/**
 * Each half term's rough days as month and day, with the calendar year the academic year starts in
 * (0) or the next one (1). Schools set their own term dates, and they move with Easter and with each
 * local authority, so the planner uses fixed rough dates that cover every day of the academic year
 * once: Autumn 1 is September and October, Autumn 2 November and December, Spring 1 from 1 January to
 * 14 February, Spring 2 from 15 February to 31 March, Summer 1 April and May, and Summer 2 from
 * 1 June to 31 August (the summer holiday belongs to it, so nothing falls between two half terms).
 */
const HALF_TERM_DAYS: Record<HalfTerm, { from: [0 | 1, number, number]; to: [0 | 1, number, number] }> = {
  AUTUMN_1: { from: [0, 9, 1], to: [0, 10, 31] },
  AUTUMN_2: { from: [0, 11, 1], to: [0, 12, 31] },
  SPRING_1: { from: [1, 1, 1], to: [1, 2, 14] },
  SPRING_2: { from: [1, 2, 15], to: [1, 3, 31] },
  SUMMER_1: { from: [1, 4, 1], to: [1, 5, 31] },
  SUMMER_2: { from: [1, 6, 1], to: [1, 8, 31] },
};

const dayOf = (academicYear: number, [offset, month, day]: [0 | 1, number, number]) =>
  `${String(academicYear + offset).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A half term's rough first and last days (YYYY-MM-DD) in an academic year named by the year it starts in. */
export function halfTermDates(academicYear: number, halfTerm: HalfTerm): { startsOn: string; endsOn: string } {
  const days = HALF_TERM_DAYS[halfTerm];
  return { startsOn: dayOf(academicYear, days.from), endsOn: dayOf(academicYear, days.to) };
}

/** The half term a day (YYYY-MM-DD) falls in, on the rough dates above. */
export function halfTermOfDay(day: string): HalfTerm {
  const academicYear = academicYearOfDay(day);
  return HALF_TERM_KEYS.find((key) => day <= halfTermDates(academicYear, key).endsOn)!;
}

/** Where a planned activity stands: an encounter that has happened is linked to it, its half term is still to come or going on, or its half term is over with nothing delivered. */
export type PlanItemStatus = 'DELIVERED' | 'PLANNED' | 'SLIPPED';

export const PLAN_ITEM_STATUS_WORDS: Record<PlanItemStatus, { label: string; symbol: string }> = {
  DELIVERED: { label: 'Delivered', symbol: '✓' },
  PLANNED: { label: 'Planned', symbol: '○' },
  SLIPPED: { label: 'Slipped', symbol: '!' },
};

/** An item's status as of `today` (YYYY-MM-DD, in England), from whether a linked encounter has happened. */
export function planItemStatus(academicYear: number, halfTerm: HalfTerm, anyDelivered: boolean, today: string): PlanItemStatus {
  if (anyDelivered) return 'DELIVERED';
  return today > halfTermDates(academicYear, halfTerm).endsOn ? 'SLIPPED' : 'PLANNED';
}

export const PLAN_ITEM_LIMITS = {
  titleLength: 200,
  purposeLength: 1000,
  learningOutcomesLength: 2000,
  deliveredByLength: 200,
  sendAdaptationsLength: 2000,
} as const;

/** The earliest and latest academic years a plan may be for. */
export const PLAN_YEARS = { first: 2000, last: 2100 } as const;

export type PlanItemField =
  | 'academicYear'
  | 'halfTerm'
  | 'yearGroups'
  | 'title'
  | 'purpose'
  | 'learningOutcomes'
  | 'cdiAreas'
  | 'benchmarks'
  | 'deliveredBy'
  | 'forGroups'
  | 'sendAdaptations'
  | 'startsOn'
  | 'endsOn';

/** A planned activity as `createPlanItem` takes it. `forGroups` are VulnerableGroup codes; none means every pupil. */
export interface PlanItemValues {
  academicYear: number;
  /** '' until one is chosen. */
  halfTerm: string;
  yearGroups: readonly number[];
  title: string;
  purpose?: string | null;
  learningOutcomes?: string | null;
  cdiAreas: readonly string[];
  benchmarks: readonly number[];
  deliveredBy?: string | null;
  forGroups: readonly string[];
  sendAdaptations?: string | null;
  /** Optional days (YYYY-MM-DD); null or '' when not known yet. */
  startsOn?: string | null;
  endsOn?: string | null;
}

const GROUP_CODES = new Set<string>(Object.values(VULNERABLE_GROUP_CODES));

/** Every problem with a planned activity at once, keyed by the API's field names. */
export function checkPlanItem(values: PlanItemValues): FieldProblems<PlanItemField> {
  const problems: FieldProblems<PlanItemField> = {};
  const year = values.academicYear;
  const yearKnown = Number.isInteger(year) && year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
  if (!yearKnown) problems.academicYear = 'Choose an academic year';
  if (!isHalfTerm(values.halfTerm)) problems.halfTerm = 'Choose the half term it is planned for';
  if (values.yearGroups.length === 0) problems.yearGroups = 'Choose at least one year group';
  else if (values.yearGroups.some((y) => !isYearGroup(y))) problems.yearGroups = 'Year groups go from Year 7 to Year 13';
  const title = textProblem(values.title, {
    missing: 'Say what the activity is, for example "Year 10 mock interviews"',
    max: PLAN_ITEM_LIMITS.titleLength,
    name: 'the title',
  });
  if (title) problems.title = title;
  const purpose = textProblem(values.purpose, { max: PLAN_ITEM_LIMITS.purposeLength, name: 'the purpose', multiline: true });
  if (purpose) problems.purpose = purpose;
  const outcomes = textProblem(values.learningOutcomes, { max: PLAN_ITEM_LIMITS.learningOutcomesLength, name: 'the learning outcomes', multiline: true });
  if (outcomes) problems.learningOutcomes = outcomes;
  if (values.cdiAreas.some((area) => !isCdiArea(area))) problems.cdiAreas = 'Choose areas of the CDI framework from the list';
  if (values.benchmarks.length === 0) problems.benchmarks = 'Choose at least one benchmark it works towards';
  else if (values.benchmarks.some((b) => !Number.isInteger(b) || b < 1 || b > 8)) problems.benchmarks = 'Benchmarks go from 1 to 8';
  const deliveredBy = textProblem(values.deliveredBy, { max: PLAN_ITEM_LIMITS.deliveredByLength, name: 'who delivers it' });
  if (deliveredBy) problems.deliveredBy = deliveredBy;
  if (values.forGroups.some((group) => !GROUP_CODES.has(group))) problems.forGroups = 'Choose groups of pupils from the list';
  const send = textProblem(values.sendAdaptations, { max: PLAN_ITEM_LIMITS.sendAdaptationsLength, name: 'the SEND adaptations', multiline: true });
  if (send) problems.sendAdaptations = send;

  const first = yearKnown ? `${year}-09-01` : null;
  const last = yearKnown ? `${year + 1}-08-31` : null;
  const outside = (day: string) => first !== null && last !== null && (day < first || day > last);
  const yearWords = yearKnown ? `between 1 September ${year} and 31 August ${year + 1}` : '';
  const starts = values.startsOn ? parseDay(values.startsOn) : null;
  if (values.startsOn && !starts) problems.startsOn = 'Enter the start date as a real date, or leave it empty';
  else if (starts && outside(starts)) problems.startsOn = `The start date must be in the academic year, ${yearWords}`;
  const ends = values.endsOn ? parseDay(values.endsOn) : null;
  if (values.endsOn && !ends) problems.endsOn = 'Enter the end date as a real date, or leave it empty';
  else if (ends && starts && ends < starts) problems.endsOn = 'The end date must be on or after the start date';
  else if (ends && outside(ends)) problems.endsOn = `The end date must be in the academic year, ${yearWords}`;
  return problems;
}
