import { ageOn as ageOnDay, dayInEngland } from '@waymark/domain';

/** Whole years old on `today` (its day in England), from a YYYY-MM-DD date of birth; null when there is none to read. */
export function ageOn(dateOfBirth: string | null | undefined, today: Date): number | null {
  return ageOnDay(dateOfBirth, dayInEngland(today));
}

/**
 * Who may change consent and sharing: the pupil from 16, a linked parent before then (staff
 * always, elsewhere). With no date of birth the server decides; the form is offered to parents.
 */
export function mayChangeConsent(who: 'pupil' | 'parent', age: number | null): boolean {
  if (who === 'pupil') return age != null && age >= 16;
  return age == null || age < 16;
}
