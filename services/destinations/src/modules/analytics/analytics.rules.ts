import type { Activity, EducationProviderKind, IntentionKind } from '@waymark/domain';

/*
 * The rules behind destination figures (docs/domain-rules.md, "Destination figures"): which kind of
 * destination a spell or an intention counts as, and which counts an analyst without pupil-level
 * access may not see (docs/security.md, "Small numbers in destination figures").
 */

/** The kinds of destination the figures count; every leaver is in exactly one of them for each column. */
export const DESTINATION_CATEGORIES = {
  SCHOOL_SIXTH_FORM: 'School sixth form',
  COLLEGE: 'College',
  OTHER_EDUCATION: 'Other education or training',
  APPRENTICESHIP: 'Apprenticeship',
  EMPLOYMENT: 'Employment',
  OTHER: 'Something else (intended only)',
  NEET: 'NEET',
  NOT_KNOWN: 'Not known',
} as const;
export type DestinationCategory = keyof typeof DESTINATION_CATEGORIES;
export const DESTINATION_CATEGORY_KEYS = Object.keys(DESTINATION_CATEGORIES) as DestinationCategory[];

/** A count from 1 to SUPPRESS_BELOW - 1 is withheld from callers who may not see exact figures. */
export const SUPPRESS_BELOW = 5;

/** The category of what a spell says (null: nothing known). */
export function categoryOfActivity(activity: Activity | null, providerKind: EducationProviderKind | null): DestinationCategory {
  switch (activity) {
    case 'EDUCATION':
      if (providerKind === 'SCHOOL_SIXTH_FORM') return 'SCHOOL_SIXTH_FORM';
      if (providerKind === 'SIXTH_FORM_COLLEGE' || providerKind === 'FE_COLLEGE') return 'COLLEGE';
      return 'OTHER_EDUCATION';
    case 'APPRENTICESHIP':
      return 'APPRENTICESHIP';
    case 'EMPLOYMENT_WITH_TRAINING':
    case 'EMPLOYMENT_WITHOUT_TRAINING':
      return 'EMPLOYMENT';
    case 'NEET_AVAILABLE':
    case 'NEET_NOT_AVAILABLE':
      return 'NEET';
    default:
      return 'NOT_KNOWN';
  }
}

/** The category of a Year 11 intention (null: none recorded, which reads as not known). */
export function categoryOfIntention(kind: IntentionKind | null): DestinationCategory {
  switch (kind) {
    case 'SCHOOL_SIXTH_FORM':
      return 'SCHOOL_SIXTH_FORM';
    case 'SIXTH_FORM_COLLEGE':
    case 'FE_COLLEGE':
      return 'COLLEGE';
    case 'UNIVERSITY':
    case 'SUPPORTED_INTERNSHIP_OR_TRAINEESHIP':
      return 'OTHER_EDUCATION';
    case 'APPRENTICESHIP':
      return 'APPRENTICESHIP';
    case 'EMPLOYMENT_WITH_TRAINING':
    case 'EMPLOYMENT_WITHOUT_TRAINING':
      return 'EMPLOYMENT';
    case 'GAP_YEAR':
    case 'OTHER':
      return 'OTHER';
    default:
      return 'NOT_KNOWN';
  }
}

/**
 * A grid of counts to publish: `values[row][column]`, and the sets of cells that add up, each
 * written as the cells of one equation (total and parts together: knowing all but one cell of an
 * equation gives the last). Which cells are withheld:
 *
 * - primary: every count from 1 to SUPPRESS_BELOW - 1;
 * - secondary: while some equation has exactly one withheld cell, the smallest other cell of that
 *   equation is withheld too (a count above 0 before a 0, a part before a total), so no withheld
 *   count is the difference between a shown total and shown parts.
 *
 * Returns the withheld cells as "row:column" keys.
 */
export function suppressedCells(values: readonly (readonly number[])[], equations: readonly (readonly [number, number])[][]): Set<string> {
  const key = (row: number, column: number) => `${row}:${column}`;
  const hidden = new Set<string>();
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value >= 1 && value < SUPPRESS_BELOW) hidden.add(key(r, c));
    }),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const equation of equations) {
      const withheld = equation.filter(([r, c]) => hidden.has(key(r, c)));
      if (withheld.length !== 1) continue;
      // The equation's first cell is its total: withhold a part rather than the total where one is left.
      const candidates = equation
        .map(([r, c], i) => ({ r, c, value: values[r][c], total: i === 0 }))
        .filter(({ r, c }) => !hidden.has(key(r, c)))
        .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || Number(a.total) - Number(b.total) || a.value - b.value);
      const next = candidates[0];
      if (!next) continue;
      hidden.add(key(next.r, next.c));
      changed = true;
    }
  }
  return hidden;
}

/** A vulnerable group's count as an analyst without pupil-level access sees it: to the nearest 5 (docs/domain-rules.md, "Vulnerable and target groups"). */
export function roundToFive(count: number): number {
  return Math.round(count / 5) * 5;
}
