import { parseDay } from '../london-time.js';
import { textProblem, type FieldProblems } from '../forms/text.js';

/** What a young person is doing during a spell after Year 11, as schools and local authorities record it. */
export const ACTIVITIES = {
  EDUCATION: 'Education',
  APPRENTICESHIP: 'Apprenticeship',
  EMPLOYMENT_WITH_TRAINING: 'Employment with training',
  EMPLOYMENT_WITHOUT_TRAINING: 'Employment without training',
  NEET_AVAILABLE: 'Not in education, employment or training (available)',
  NEET_NOT_AVAILABLE: 'Not in education, employment or training (not available)',
  NOT_KNOWN: 'Not known',
} as const;
export type Activity = keyof typeof ACTIVITIES;
export const ACTIVITY_KEYS = Object.keys(ACTIVITIES) as Activity[];

/** Where an education spell is studied. */
export const EDUCATION_PROVIDER_KINDS = {
  SCHOOL_SIXTH_FORM: 'School sixth form',
  SIXTH_FORM_COLLEGE: 'Sixth-form college',
  FE_COLLEGE: 'Further education college',
  UNIVERSITY: 'University',
  OTHER: 'Other education',
} as const;
export type EducationProviderKind = keyof typeof EDUCATION_PROVIDER_KINDS;
export const EDUCATION_PROVIDER_KIND_KEYS = Object.keys(EDUCATION_PROVIDER_KINDS) as EducationProviderKind[];

/** Apprenticeship levels run from 2 (intermediate) to 7 (master's degree). */
export const APPRENTICESHIP_LEVELS = [2, 3, 4, 5, 6, 7] as const;
export type ApprenticeshipLevel = (typeof APPRENTICESHIP_LEVELS)[number];

/** One stretch of time doing one thing. Days are YYYY-MM-DD; `endsOn` null means it is still going on. */
export interface ActivitySpell {
  activity: Activity;
  /** Education only. */
  providerKind?: EducationProviderKind | null;
  /** Apprenticeships only. */
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  startsOn: string;
  endsOn: string | null;
}

export const ACTIVITY_SPELL_LIMITS = { providerLength: 200 } as const;

export type ActivitySpellField = 'activity' | 'providerKind' | 'apprenticeshipLevel' | 'provider' | 'startsOn' | 'endsOn';

/** A spell that cannot be used: the message says what is wrong in words a careers leader reads. */
export class InvalidActivitySpellError extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblems<ActivitySpellField>,
  ) {
    super(message);
    this.name = 'InvalidActivitySpellError';
  }
}

/** Every problem with a spell at once, keyed by field (empty when it is fine). */
export function checkActivitySpell(spell: {
  activity: string;
  providerKind?: string | null;
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  startsOn: string;
  endsOn?: string | null;
}): FieldProblems<ActivitySpellField> {
  const problems: FieldProblems<ActivitySpellField> = {};
  if (!Object.hasOwn(ACTIVITIES, spell.activity)) problems.activity = 'Choose what they were doing';
  if (spell.activity === 'EDUCATION') {
    if (!spell.providerKind || !Object.hasOwn(EDUCATION_PROVIDER_KINDS, spell.providerKind))
      problems.providerKind = 'Choose where they study, for example a further education college';
  } else if (spell.providerKind) problems.providerKind = 'Only an education spell has a kind of place to study';
  if (spell.activity === 'APPRENTICESHIP') {
    if (spell.apprenticeshipLevel == null || !(APPRENTICESHIP_LEVELS as readonly number[]).includes(spell.apprenticeshipLevel))
      problems.apprenticeshipLevel = 'Choose the apprenticeship level, from 2 to 7';
  } else if (spell.apprenticeshipLevel != null) problems.apprenticeshipLevel = 'Only an apprenticeship has a level';
  const provider = textProblem(spell.provider, { max: ACTIVITY_SPELL_LIMITS.providerLength, name: 'the provider or employer' });
  if (provider) problems.provider = provider;
  const starts = parseDay(spell.startsOn);
  if (!starts) problems.startsOn = 'Enter the day it started, for example 2025-09-04';
  if (spell.endsOn) {
    const ends = parseDay(spell.endsOn);
    if (!ends) problems.endsOn = 'Enter the day it ended, or leave it empty if it is still going on';
    else if (starts && ends < starts) problems.endsOn = `A spell cannot end before it starts: it starts on ${starts} but ends on ${ends}`;
  }
  return problems;
}

/** Throws InvalidActivitySpellError naming the first problem when a spell cannot be used. */
export function assertActivitySpell(spell: ActivitySpell): void {
  const problems = checkActivitySpell(spell);
  const first = Object.values(problems)[0];
  if (first) throw new InvalidActivitySpellError(first, problems);
}

/** "Education (further education college)", "Apprenticeship (level 3)". */
export function activityLabel(spell: Pick<ActivitySpell, 'activity' | 'providerKind' | 'apprenticeshipLevel'>): string {
  const base = ACTIVITIES[spell.activity];
  if (spell.activity === 'EDUCATION' && spell.providerKind) return `${base} (${EDUCATION_PROVIDER_KINDS[spell.providerKind].toLowerCase()})`;
  if (spell.activity === 'APPRENTICESHIP' && spell.apprenticeshipLevel != null) return `${base} (level ${spell.apprenticeshipLevel})`;
  return base;
}
