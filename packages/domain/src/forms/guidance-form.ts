import { addDays, parseDay } from '../london-time.js';
import { ENCOUNTER_LIMITS } from './encounter-form.js';
import { textProblem, type FieldProblems } from './text.js';

export const GUIDANCE_LIMITS = { notesLength: 10_000, actions: 20, actionLength: 500 } as const;

/** `date`, the adviser, the notes, the list of actions as a whole, and each action row (`actions.<n>.text`, `actions.<n>.dueOn`). */
export type GuidanceFormField = 'date' | 'adviserName' | 'adviserLevel' | 'notes' | 'actions' | `actions.${number}.text` | `actions.${number}.dueOn`;

export interface GuidanceFormValues {
  /** The day of the meeting, YYYY-MM-DD (anything else is not a day). */
  day: string;
  adviserName: string;
  adviserLevel: number | null;
  notes: string | null;
  /** Every row as entered: a row with neither text nor due date is left out, not a problem. */
  actions: readonly { text: string; dueOn: string | null }[];
}

/**
 * Every problem with a guidance meeting at once; `today` (YYYY-MM-DD, in England) bounds the date.
 * The portal's form records meetings that have happened (notes are written afterwards); the API
 * also takes a meeting planned up to a year ahead (`planned`), so it shows among the pupil's
 * upcoming activities.
 */
export function checkGuidanceMeeting(values: GuidanceFormValues, today: string, options: { planned?: boolean } = {}): FieldProblems<GuidanceFormField> {
  const problems: FieldProblems<GuidanceFormField> = {};
  const day = parseDay(values.day);
  if (!day) problems.date = 'Enter the date of the meeting';
  else if (!options.planned && day > today) problems.date = 'The meeting must have happened: the date cannot be in the future';
  else if (day > addDays(today, 365)) problems.date = 'The date cannot be more than a year ahead';

  const adviserName = textProblem(values.adviserName, {
    missing: "Enter the adviser's name",
    max: ENCOUNTER_LIMITS.adviserNameLength,
    name: "the adviser's name",
  });
  if (adviserName) problems.adviserName = adviserName;
  const level = values.adviserLevel;
  if (level === null || !Number.isInteger(level) || level < ENCOUNTER_LIMITS.lowestAdviserLevel || level > ENCOUNTER_LIMITS.highestAdviserLevel) {
    problems.adviserLevel = "Enter the adviser's qualification level, a whole number from 1 to 8";
  }

  const notes = textProblem(values.notes, { max: GUIDANCE_LIMITS.notesLength, name: 'the notes', multiline: true });
  if (notes) problems.notes = notes;

  let agreed = 0;
  values.actions.forEach((action, row) => {
    const text = action.text.trim();
    const dueOn = action.dueOn?.trim() || null;
    if (text) agreed += 1;
    if (!text && dueOn) problems[`actions.${row}.text`] = 'Say what was agreed, or remove the due date';
    const textIssue = text ? textProblem(text, { max: GUIDANCE_LIMITS.actionLength, name: 'each action', multiline: true }) : null;
    if (textIssue) problems[`actions.${row}.text`] = textIssue;
    if (dueOn && !parseDay(dueOn)) problems[`actions.${row}.dueOn`] = 'Enter the due date as a date';
  });
  if (agreed > GUIDANCE_LIMITS.actions) problems.actions = `Agree at most ${GUIDANCE_LIMITS.actions} actions in one meeting`;
  return problems;
}
