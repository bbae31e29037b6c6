import { ageOn as ageOnDay, dayInEngland } from '@waymark/domain';

/** The calendar date in England at `now` (yyyy-mm-dd): what a school means by "today", BST included. */
export const dateInEngland = dayInEngland;

/** Midnight UTC of an ISO date, for the domain's date arithmetic (academic years, ages). */
export function asUtcDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** Whole years between a date of birth and `today` (a day carried as midnight UTC, as `asUtcDate` gives it); NaN for a date of birth that cannot be read. */
export function ageOn(dateOfBirth: string, today: Date): number {
  return ageOnDay(dateOfBirth, today.toISOString().slice(0, 10)) ?? Number.NaN;
}
