/** The academic year (1 September to 31 August) a date falls in, named by the year it starts. */
export function academicYearOf(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** "2027/28". */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The years a leader may start: the one under way (from September, when the rollover is due) and
 * the next one (to prepare over the summer). The first is the likelier choice from September to
 * December, the second from January to August.
 */
export function rolloverChoices(today: Date): { years: [number, number]; suggested: number } {
  const current = academicYearOf(today);
  const suggested = today.getMonth() >= 8 ? current : current + 1;
  return { years: [current, current + 1], suggested };
}
