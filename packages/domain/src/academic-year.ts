/** The academic year runs 1 September to 31 August; it is named by the year it starts in. */
export function academicYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function academicYearBounds(startYear: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(startYear, 8, 1)), end: new Date(Date.UTC(startYear + 1, 7, 31, 23, 59, 59)) };
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

/** A calendar day written YYYY-MM-DD that exists (no 31 June), or null. */
export function parseDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The academic calendar's time zone: days, academic years and windows are read in England. */
export const ACADEMIC_TIME_ZONE = 'Europe/London';

/** Today in England (the academic calendar's time zone), YYYY-MM-DD. */
export function todayInEngland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ACADEMIC_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
