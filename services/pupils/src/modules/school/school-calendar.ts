const ENGLAND = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in England at `now` (yyyy-mm-dd): what a school means by "today", BST included. */
export function dateInEngland(now: Date): string {
  return ENGLAND.format(now);
}

/** Midnight UTC of an ISO date, for the domain's date arithmetic (academic years, ages). */
export function asUtcDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** Whole years between a date of birth and `today`. */
export function ageOn(dateOfBirth: string, today: Date): number {
  const text = dateOfBirth.slice(0, 10);
  const first = text.indexOf('-');
  const second = text.indexOf('-', first + 1);
  const year = Number(text.slice(0, first));
  const month = Number(text.slice(first + 1, second));
  const day = Number(text.slice(second + 1));
  const todayMonth = today.getUTCMonth() + 1;
  const hadBirthday = todayMonth > month || (todayMonth === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}
