import type { SelfEvaluationAnswer, SelfEvaluationReading, SelfEvaluationState } from '../graphql/self-evaluation';

/** The longest reason the encounters subgraph keeps (docs/domain-rules.md, "Self-evaluation"). */
export const REASON_MAX = 500;

export const STATE_LABELS: Record<SelfEvaluationState, string> = {
  ACHIEVED: 'Achieved',
  IN_PROGRESS: 'In progress',
  NOT_ACHIEVED: 'Not achieved',
  NOT_ENOUGH_EVIDENCE: 'Not enough evidence',
};

/** The tag class of a state: its words always carry the meaning, the colour only repeats it. */
export const STATE_TAGS: Record<SelfEvaluationState, string> = {
  ACHIEVED: 'wm-tag wm-tag--met',
  IN_PROGRESS: 'wm-tag wm-tag--progress',
  NOT_ACHIEVED: 'wm-tag wm-tag--not-met',
  NOT_ENOUGH_EVIDENCE: 'wm-tag',
};

export const ANSWER_OPTIONS: { value: SelfEvaluationAnswer; label: string }[] = [
  { value: 'ACHIEVED', label: STATE_LABELS.ACHIEVED },
  { value: 'IN_PROGRESS', label: STATE_LABELS.IN_PROGRESS },
  { value: 'NOT_ACHIEVED', label: STATE_LABELS.NOT_ACHIEVED },
];

/** Red, amber or green, said in words as well as colour. */
export const READINGS: Record<SelfEvaluationReading, { label: string; tag: string }> = {
  GREEN: { label: 'Green: mostly achieved', tag: 'wm-tag wm-tag--met' },
  AMBER: { label: 'Amber: under way', tag: 'wm-tag wm-tag--progress' },
  RED: { label: 'Red: a long way to go', tag: 'wm-tag wm-tag--not-met' },
};

export const percentOf = (score: number) => `${Math.round(score * 100)}%`;

export interface AnswerDraft {
  state: SelfEvaluationAnswer | '';
  reason: string;
}

/** The same checks the subgraph makes, before sending: a state, and a reason of at most 500 characters. */
export function validateAnswer(draft: AnswerDraft): Partial<Record<keyof AnswerDraft, string>> {
  const problems: Partial<Record<keyof AnswerDraft, string>> = {};
  if (!draft.state) problems.state = 'Choose achieved, in progress or not achieved';
  const reason = draft.reason.trim();
  if (!reason) problems.reason = 'Enter a reason for your answer';
  else if (reason.length > REASON_MAX) problems.reason = `Keep the reason to ${REASON_MAX} characters or fewer`;
  return problems;
}
