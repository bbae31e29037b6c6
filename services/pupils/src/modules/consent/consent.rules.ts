import type { OptOutBy } from '../pupil/pupil.entity.js';

/** Who is changing a pupil's consent and sharing preferences. */
export type ConsentActor = 'staff' | 'self' | 'parent';

/** The age at which the young person decides for themself. */
export const CONSENT_AGE = 16;

export type ConsentRuling = { allowed: true } | { allowed: false; reason: 'pupil-under-16' | 'pupil-decides' };

/** Staff any time (recording what the family or young person told them); the pupil at 16+; a parent while the pupil is under 16. */
export function consentRuling(actor: ConsentActor, age: number): ConsentRuling {
  if (actor === 'self' && age < CONSENT_AGE) return { allowed: false, reason: 'pupil-under-16' };
  if (actor === 'parent' && age >= CONSENT_AGE) return { allowed: false, reason: 'pupil-decides' };
  return { allowed: true };
}

/** Whose opt-out it is: the parent's or the pupil's own; staff record it for whoever may decide at the pupil's age. */
export function optOutBy(actor: ConsentActor, age: number): OptOutBy {
  if (actor === 'parent') return 'PARENT';
  if (actor === 'self') return 'PUPIL';
  return age < CONSENT_AGE ? 'PARENT' : 'PUPIL';
}
