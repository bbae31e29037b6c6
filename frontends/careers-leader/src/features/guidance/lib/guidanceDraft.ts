import type { RecordGuidanceMeetingInput } from '../graphql/guidance';

export interface ActionDraft {
  /** Stable while the list is edited, so React keeps each row's input. */
  key: number;
  text: string;
  dueOn: string;
}

export interface GuidanceDraft {
  date: string;
  adviserName: string;
  adviserLevel: string;
  notes: string;
  actions: ActionDraft[];
}

export type GuidanceField = 'date' | 'adviserName' | 'adviserLevel' | 'notes' | `action-${number}` | `due-${number}`;
export type GuidanceErrors = Partial<Record<GuidanceField, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function emptyGuidanceDraft(today: string): GuidanceDraft {
  return { date: today, adviserName: '', adviserLevel: '6', notes: '', actions: [{ key: 0, text: '', dueOn: '' }] };
}

/** Problems with the draft, keyed by field (actions by their row key); empty rows of actions are ignored. */
export function validateGuidance(draft: GuidanceDraft, today: string): GuidanceErrors {
  const errors: GuidanceErrors = {};
  if (!DAY.test(draft.date) || Number.isNaN(Date.parse(draft.date))) errors.date = 'Enter the date of the meeting';
  else if (draft.date > today) errors.date = 'The meeting must have happened: the date cannot be in the future';
  if (!draft.adviserName.trim()) errors.adviserName = "Enter the adviser's name";
  const level = Number(draft.adviserLevel);
  if (draft.adviserLevel.trim() === '' || !Number.isInteger(level) || level < 1 || level > 8) {
    errors.adviserLevel = "Enter the adviser's qualification level, a whole number from 1 to 8";
  }
  if (draft.notes.length > 5000) errors.notes = 'Notes must be 5,000 characters or fewer';
  for (const action of draft.actions) {
    if (!action.text.trim() && action.dueOn) errors[`action-${action.key}`] = 'Say what was agreed, or remove the due date';
    if (action.text.length > 500) errors[`action-${action.key}`] = 'An action must be 500 characters or fewer';
    if (action.dueOn && !DAY.test(action.dueOn)) errors[`due-${action.key}`] = 'Enter the due date as a date';
  }
  return errors;
}

/** The mutation's input from a valid draft: the meeting at noon UTC on its day, empty action rows dropped. */
export function toGuidanceInput(pupilId: string, draft: GuidanceDraft): RecordGuidanceMeetingInput {
  return {
    pupilId,
    date: `${draft.date}T12:00:00.000Z`,
    adviserName: draft.adviserName.trim(),
    adviserLevel: Number(draft.adviserLevel),
    notes: draft.notes.trim() || null,
    actions: draft.actions.filter((action) => action.text.trim()).map((action) => ({ text: action.text.trim(), dueOn: action.dueOn || null })),
  };
}

/** Whether a meeting with an adviser of this level counts towards Benchmark 8. */
export function countsForBenchmark8(level: number): boolean {
  return level >= 6;
}
