import { checkHashtags } from '../forms/hashtags.js';
import { textProblem, type FieldProblems } from '../forms/text.js';
import { APPRENTICESHIP_LEVELS } from './activity-spells.js';

/** What a pupil in Year 11 or Year 13 means to do next, as schools ask it. */
export const INTENTION_KINDS = {
  SCHOOL_SIXTH_FORM: 'School sixth form',
  SIXTH_FORM_COLLEGE: 'Sixth-form college',
  FE_COLLEGE: 'Further education college',
  UNIVERSITY: 'University',
  APPRENTICESHIP: 'Apprenticeship',
  SUPPORTED_INTERNSHIP_OR_TRAINEESHIP: 'Supported internship or traineeship',
  EMPLOYMENT_WITH_TRAINING: 'A job with training',
  EMPLOYMENT_WITHOUT_TRAINING: 'A job without training',
  GAP_YEAR: 'Gap year',
  OTHER: 'Something else',
} as const;
export type IntentionKind = keyof typeof INTENTION_KINDS;
export const INTENTION_KIND_KEYS = Object.keys(INTENTION_KINDS) as IntentionKind[];

/** Intentions are asked in the last year of each stage. */
export const INTENTION_YEAR_GROUPS = [11, 13] as const;

export const INTENTION_LIMITS = { providerLength: 200, courseLength: 200 } as const;
export const ASPIRATION_LIMITS = { textLength: 1000 } as const;

export type IntentionFormField = 'kind' | 'apprenticeshipLevel' | 'provider' | 'course';

export interface IntentionFormValues {
  /** '' until one is chosen. */
  kind: string;
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  course?: string | null;
}

/** Every problem with an intended destination at once (empty when it is fine). */
export function checkIntention(values: IntentionFormValues): FieldProblems<IntentionFormField> {
  const problems: FieldProblems<IntentionFormField> = {};
  if (!Object.hasOwn(INTENTION_KINDS, values.kind)) problems.kind = 'Choose what you plan to do next';
  if (values.kind === 'APPRENTICESHIP') {
    if (values.apprenticeshipLevel != null && !(APPRENTICESHIP_LEVELS as readonly number[]).includes(values.apprenticeshipLevel))
      problems.apprenticeshipLevel = 'Apprenticeship levels go from 2 to 7';
  } else if (values.apprenticeshipLevel != null) problems.apprenticeshipLevel = 'Only an apprenticeship has a level';
  const provider = textProblem(values.provider, { max: INTENTION_LIMITS.providerLength, name: 'the place' });
  if (provider) problems.provider = provider;
  const course = textProblem(values.course, { max: INTENTION_LIMITS.courseLength, name: 'the course' });
  if (course) problems.course = course;
  return problems;
}

export type AspirationFormField = 'text' | 'hashtags';

/** Every problem with an aspiration (what a pupil hopes for), with its hashtags normalised. */
export function checkAspiration(values: { text: string; hashtags: readonly string[] }): { hashtags: string[]; problems: FieldProblems<AspirationFormField> } {
  const problems: FieldProblems<AspirationFormField> = {};
  const text = textProblem(values.text, {
    missing: 'Write something you hope to do, for example "work with animals"',
    max: ASPIRATION_LIMITS.textLength,
    name: 'your hope',
    multiline: true,
  });
  if (text) problems.text = text;
  const { hashtags, problem } = checkHashtags(values.hashtags);
  if (problem) problems.hashtags = problem;
  return { hashtags, problems };
}
