import { textProblem } from './text.js';

/*
 * Forms of one piece of text: a pupil's reflection, a comment on a record, the reason staff give a
 * pupil for declining their activity. Each rule returns the problem with the text, or null.
 */

export const REFLECTION_LIMITS = { length: 2000 } as const;
export const COMMENT_LIMITS = { length: 2000 } as const;
export const DECLINE_REASON_LIMITS = { length: 500 } as const;

/** A pupil's reflection on an activity (the field `reflection`). */
export function reflectionProblem(text: string): string | null {
  return textProblem(text, {
    missing: 'Write a sentence or two about what you learnt',
    max: REFLECTION_LIMITS.length,
    name: 'your reflection',
    multiline: true,
  });
}

/** A comment on a pupil's record (the field `body`). */
export function commentProblem(body: string): string | null {
  return textProblem(body, { missing: 'Enter your comment', max: COMMENT_LIMITS.length, name: 'the comment', multiline: true });
}

/** Why staff declined a pupil's own activity, which the pupil reads (the field `reason`). */
export function declineReasonProblem(reason: string): string | null {
  return textProblem(reason, { missing: 'Enter a reason: the pupil will see it', max: DECLINE_REASON_LIMITS.length, name: 'the reason', multiline: true });
}
