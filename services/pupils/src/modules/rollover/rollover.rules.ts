import { isYearGroup } from '@waymark/domain';

export interface RolloverPupil {
  yearGroup: number | null;
  /** The academic year the year group was set for (null: set before Waymark recorded it). */
  yearGroupAcademicYear: number | null;
  leftOn: string | null;
}

export type RolloverOutcome =
  { kind: 'promote'; yearGroup: number } | { kind: 'leave'; leftOn: string } | { kind: 'stay'; reason: 'left' | 'no-year-group' | 'already-placed' };

/** The day a Year 13 leaves when the school rolls over into `academicYear`: the 31 August before it. */
export function rolloverLeavingDate(academicYear: number): string {
  return `${academicYear}-08-31`;
}

/**
 * What rolling a school over into `academicYear` does to one pupil: Years 7–12 move up one, Year 13
 * leave. Pupils already placed for that year (who joined, or were imported from an MIS that had
 * already rolled over, after it began) stay where they are, as do leavers.
 */
export function rollOverPupil(pupil: RolloverPupil, academicYear: number): RolloverOutcome {
  if (pupil.leftOn !== null) return { kind: 'stay', reason: 'left' };
  if (pupil.yearGroup === null || !isYearGroup(pupil.yearGroup)) return { kind: 'stay', reason: 'no-year-group' };
  if (pupil.yearGroupAcademicYear !== null && pupil.yearGroupAcademicYear >= academicYear) return { kind: 'stay', reason: 'already-placed' };
  if (pupil.yearGroup === 13) return { kind: 'leave', leftOn: rolloverLeavingDate(academicYear) };
  return { kind: 'promote', yearGroup: pupil.yearGroup + 1 };
}
