import { academicYearLabel, textProblem } from '@waymark/domain';

/*
 * The pure rules of evaluating the careers programme (docs/domain-rules.md, "Evaluating the programme"):
 * the rating scales, the survey questions in Waymark's own words, when a pupil may still change a
 * rating, and checking what people send.
 */

export const AUDIENCES = ['PARENTS', 'STAFF', 'EMPLOYERS'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TERMS = ['AUTUMN', 'SPRING', 'SUMMER'] as const;
export type Term = (typeof TERMS)[number];

export interface RatingOptionValue {
  value: number;
  label: string;
}

/** A pupil's one-tap rating of an activity, in words an 11-year-old reads at a glance. */
export const PUPIL_RATINGS: readonly RatingOptionValue[] = [
  { value: 1, label: 'Not useful' },
  { value: 2, label: 'A bit useful' },
  { value: 3, label: 'Useful' },
  { value: 4, label: 'Really useful' },
];

/** How the surveys' two questions are answered. */
export const SURVEY_RATINGS: readonly RatingOptionValue[] = [
  { value: 1, label: 'Not well' },
  { value: 2, label: 'Not very well' },
  { value: 3, label: 'Quite well' },
  { value: 4, label: 'Very well' },
];

/** The longest "What did you learn?", in characters. */
export const LEARNED_MAX = 300;
/** The longest survey comment, in characters. */
export const COMMENT_MAX = 1000;
/** A pupil may change their rating until the encounter is this many days old. */
export const CHANGE_DAYS = 30;

export interface SurveyWording {
  helps: string;
  informed: string;
  comment: string;
}

/** The fixed questions of each audience's survey. */
export const SURVEY_QUESTIONS: Record<Audience, SurveyWording> = {
  PARENTS: {
    helps: "How well does the school's careers programme help your child think about their future?",
    informed: 'How well does the school keep you informed about careers activities and choices after school?',
    comment: 'What one thing would make careers at the school better for your child?',
  },
  STAFF: {
    helps: "How well does the school's careers programme help pupils think about their future?",
    informed: 'How well are you supported to link your work with pupils to careers?',
    comment: 'What one thing would make the careers programme better?',
  },
  EMPLOYERS: {
    helps: "How well did the school's careers activities you took part in help pupils learn about work?",
    informed: 'How well did the school plan and support your part in them?',
    comment: 'What one thing would make working with the school better?',
  },
};

export const AUDIENCE_LABELS: Record<Audience, string> = { PARENTS: 'Parents and carers', STAFF: 'Staff', EMPLOYERS: 'Employers and volunteers' };
export const TERM_LABELS: Record<Term, string> = { AUTUMN: 'Autumn term', SPRING: 'Spring term', SUMMER: 'Summer term' };

export function surveyLabel(audience: Audience, term: Term, academicYear: number): string {
  return `${AUDIENCE_LABELS[audience]}: ${TERM_LABELS[term]} ${academicYearLabel(academicYear)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a rating of an encounter that started at `date` can no longer be changed. */
export function changeUntil(date: Date): Date {
  return new Date(date.getTime() + CHANGE_DAYS * DAY_MS);
}

/**
 * Whether a pupil may rate (or re-rate) an encounter now: it has started, and it started less than
 * 30 days ago. A rating given stays, and counts, after that; only changing it stops.
 */
export function ratingWindow(date: Date, now: Date): 'NOT_YET' | 'OPEN' | 'CLOSED' {
  if (date.getTime() > now.getTime()) return 'NOT_YET';
  return now.getTime() < changeUntil(date).getTime() ? 'OPEN' : 'CLOSED';
}

const isRating = (value: number) => Number.isInteger(value) && value >= 1 && value <= 4;

/** Problems with a pupil's rating, by field; empty when it may be saved. */
export function checkRating(input: { rating: number; learned?: string | null }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isRating(input.rating)) problems.rating = 'Choose how useful it was';
  const learned = textProblem(input.learned, { max: LEARNED_MAX, name: 'what you learned', multiline: true });
  if (learned) problems.learned = learned;
  return problems;
}

/** Problems with a survey answer, by field; empty when it may be saved. */
export function checkSurveyAnswer(input: { helps: number; informed: number; comment?: string | null }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isRating(input.helps)) problems.helps = 'Choose an answer to the first question';
  if (!isRating(input.informed)) problems.informed = 'Choose an answer to the second question';
  const comment = textProblem(input.comment, { max: COMMENT_MAX, name: 'your comment', multiline: true });
  if (comment) problems.comment = comment;
  return problems;
}

export interface RatingSummaryValue {
  responses: number;
  /** Null when nobody answered. */
  average: number | null;
  counts: { value: number; label: string; count: number }[];
}

/** Counts of each rating and their average, rounded to one decimal place. */
export function summarise(ratings: readonly number[], scale: readonly RatingOptionValue[]): RatingSummaryValue {
  const counts = scale.map((option) => ({ ...option, count: ratings.filter((r) => r === option.value).length }));
  const average = ratings.length === 0 ? null : Math.round((ratings.reduce((sum, r) => sum + r, 0) / ratings.length) * 10) / 10;
  return { responses: ratings.length, average, counts };
}

export const trimmedOrNull = (value: string | null | undefined): string | null => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};
