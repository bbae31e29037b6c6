/** Whole years old on `today`, from a YYYY-MM-DD date of birth; null when there is none to read. */
export function ageOn(dateOfBirth: string | null | undefined, today: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hadBirthday = today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day);
  return today.getFullYear() - year - (hadBirthday ? 0 : 1);
}

/**
 * Who may change consent and sharing: the pupil from 16, a linked parent before then (staff
 * always, elsewhere). With no date of birth the server decides; the form is offered to parents.
 */
export function mayChangeConsent(who: 'pupil' | 'parent', age: number | null): boolean {
  if (who === 'pupil') return age != null && age >= 16;
  return age == null || age < 16;
}
