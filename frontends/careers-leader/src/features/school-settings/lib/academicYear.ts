import { academicYearLabel, academicYearOf, dayInEngland } from '@waymark/domain';

/** The academic year an instant falls in and how it is written ("2027/28"), from @waymark/domain. */
export { academicYearLabel, academicYearOf };

/**
 * The years a leader may start: the one under way (from September, when the rollover is due) and
 * the next one (to prepare over the summer). The first is the likelier choice from September to
 * December, the second from January to August.
 */
export function rolloverChoices(today: Date): { years: [number, number]; suggested: number } {
  const current = academicYearOf(today);
  const autumn = Number(dayInEngland(today).slice(5, 7)) >= 9;
  return { years: [current, current + 1], suggested: autumn ? current : current + 1 };
}
