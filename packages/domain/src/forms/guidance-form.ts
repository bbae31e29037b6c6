import { addDays, dayInEngland, parseDay, todayInEngland } from '../london-time.js';
import { ENCOUNTER_LIMITS } from './encounter-form.js';
import { textProblem, type FieldProblems } from './text.js';

export const GUIDANCE_LIMITS = { notesLength: 10_000, actions: 20, actionLength: 500, locationLength: 200, bookingPupils: 1_000 } as const;

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

/** The fields of a booking of guidance meetings for several pupils at once. */
export type GuidanceBookingField = 'pupilIds' | 'date' | 'adviserName' | 'location' | 'notes';

export interface GuidanceBookingValues {
  /** How many pupils the meetings are for (one meeting each). */
  pupils: number;
  /** When the meetings are: an instant, or a day carried as `dayAsInstant` when `hasTime` is false (an invalid Date when none could be read). */
  date: Date;
  hasTime: boolean;
  adviserName: string;
  location: string | null;
  notes: string | null;
}

/**
 * Every problem with booking guidance meetings ahead (one per pupil, all at the same time with the
 * same adviser); `now` bounds the date. A booking is for a meeting still to come, up to a year ahead.
 * The adviser's qualification level is not asked for: it is given when the meeting is recorded as
 * held, and a booked meeting counts for nothing until then (docs/domain-rules.md).
 */
export function checkGuidanceBooking(values: GuidanceBookingValues, now: Date): FieldProblems<GuidanceBookingField> {
  const problems: FieldProblems<GuidanceBookingField> = {};
  if (values.pupils < 1) problems.pupilIds = 'Choose at least one pupil to book a meeting for';
  else if (values.pupils > GUIDANCE_LIMITS.bookingPupils) {
    problems.pupilIds = `Book meetings for at most ${GUIDANCE_LIMITS.bookingPupils.toLocaleString('en-GB')} pupils at once`;
  }

  const today = todayInEngland(now);
  if (Number.isNaN(values.date.getTime())) problems.date = 'Enter the date of the meeting';
  else {
    const day = dayInEngland(values.date);
    if (day < today) problems.date = 'A booking is for a meeting still to come: choose today or a later day';
    else if (values.hasTime && values.date < now) problems.date = 'That time today has passed: choose a later time';
    else if (day > addDays(today, 365)) problems.date = 'The date cannot be more than a year ahead';
  }

  const adviserName = textProblem(values.adviserName, {
    missing: "Enter the adviser's name",
    max: ENCOUNTER_LIMITS.adviserNameLength,
    name: "the adviser's name",
  });
  if (adviserName) problems.adviserName = adviserName;
  const location = textProblem(values.location, { max: GUIDANCE_LIMITS.locationLength, name: 'the place' });
  if (location) problems.location = location;
  const notes = textProblem(values.notes, { max: GUIDANCE_LIMITS.notesLength, name: 'the notes', multiline: true });
  if (notes) problems.notes = notes;
  return problems;
}
