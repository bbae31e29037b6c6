import { APPRENTICESHIP_LEVELS, checkIntention, INTENTION_KIND_KEYS, INTENTION_KINDS, type IntentionFormField } from '@waymark/domain';
import type { IntentionKind, RecordIntentionInput } from '../graphql/myFuture';

/** The plan form as typed: every value a string until it is sent. */
export interface IntentionDraft {
  kind: IntentionKind | '';
  apprenticeshipLevel: string;
  provider: string;
  course: string;
}

export const EMPTY_INTENTION: IntentionDraft = { kind: '', apprenticeshipLevel: '', provider: '', course: '' };

/** The choices, with words a pupil uses. */
export const INTENTION_OPTIONS = INTENTION_KIND_KEYS.map((value) => ({ value, label: INTENTION_KINDS[value] }));

export const LEVEL_OPTIONS = APPRENTICESHIP_LEVELS.map((level) => ({ value: String(level), label: `Level ${level}` }));

/** The same rules the API runs (from @waymark/domain), in the form's terms. */
export function validateIntention(draft: IntentionDraft): Partial<Record<IntentionFormField, string>> {
  return checkIntention({
    ...draft,
    apprenticeshipLevel: draft.kind === 'APPRENTICESHIP' && draft.apprenticeshipLevel ? Number(draft.apprenticeshipLevel) : null,
  });
}

export function toRecordIntentionInput(draft: IntentionDraft): RecordIntentionInput {
  if (!draft.kind) throw new Error('Choose what you plan to do next');
  return {
    kind: draft.kind,
    apprenticeshipLevel: draft.kind === 'APPRENTICESHIP' && draft.apprenticeshipLevel ? Number(draft.apprenticeshipLevel) : null,
    provider: draft.provider.trim() || null,
    course: draft.course.trim() || null,
  };
}

/** "Apprenticeship (level 3) at Acme Engineering: Engineering technician". */
export function describeIntention(intention: {
  kindLabel: string;
  apprenticeshipLevel?: number | null;
  provider?: string | null;
  course?: string | null;
}): string {
  const level = intention.apprenticeshipLevel ? ` (level ${intention.apprenticeshipLevel})` : '';
  const where = intention.provider ? ` at ${intention.provider}` : '';
  const course = intention.course ? `: ${intention.course}` : '';
  return `${intention.kindLabel}${level}${where}${course}`;
}
