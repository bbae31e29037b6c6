import { dayInEngland } from './london-time.js';

// Days are parsed where every other date rule lives; academic-year code has always offered it too.
export { parseDay } from './london-time.js';

/** The academic year (1 September to 31 August) a day (YYYY-MM-DD) falls in, named by the year it starts in. */
export function academicYearOfDay(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The academic year an instant falls in, on the calendar in England. */
export function academicYearOf(date: Date): number {
  return academicYearOfDay(dayInEngland(date));
}

/** "2026/27": how an academic year is written for people. */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

export function isYearGroup(value: number): value is YearGroup {
  return Number.isInteger(value) && value >= 7 && value <= 13;
}

/**
 * A pupil is in Year 7 in the academic year that starts in the September after they turn 11, so
 * the year group follows from the date of birth (31 August birthdays are the youngest).
 */
export function expectedYearGroup(dateOfBirth: Date, academicYear: number): number {
  const birthAcademicYear = academicYearOf(dateOfBirth);
  return academicYear - birthAcademicYear - 5;
}

export function keyStageOf(yearGroup: number): 'KS3' | 'KS4' | 'KS5' {
  if (yearGroup <= 9) return 'KS3';
  if (yearGroup <= 11) return 'KS4';
  return 'KS5';
}
