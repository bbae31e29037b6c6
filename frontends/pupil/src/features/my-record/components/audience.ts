/** Who is reading the record: the pupil themself, or a parent or carer reading their child's. */
export type Audience = { kind: 'pupil' } | { kind: 'parent'; childName: string };

/** "You have…" for the pupil, "Maya has…" for a parent. */
export function subject(audience: Audience): { who: string; whose: string; has: string } {
  return audience.kind === 'pupil'
    ? { who: 'you', whose: 'your', has: 'you have' }
    : { who: audience.childName, whose: `${audience.childName}'s`, has: `${audience.childName} has` };
}
