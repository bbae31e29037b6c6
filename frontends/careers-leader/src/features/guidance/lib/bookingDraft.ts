import { checkGuidanceBooking, encounterStart, encounterStartParts, formatDateTime, formatDay, parseDay, parseTime } from '@waymark/domain';
import type { BookGuidanceMeetingsInput, MoveGuidanceBookingInput } from '../../../gql/graphql';

/** The booking form as typed: every field as text. */
export interface BookingDraft {
  date: string;
  /** HH:MM, or '' when only the day is known. */
  time: string;
  adviserName: string;
  location: string;
}

type BookingField = keyof BookingDraft;
export type BookingErrors = Partial<Record<BookingField, string>>;

export const EMPTY_BOOKING: BookingDraft = { date: '', time: '', adviserName: '', location: '' };

/** When the meetings start, as the API takes it (an invalid date when the draft has none). */
function startOf(draft: BookingDraft) {
  if (!parseDay(draft.date)) return { date: new Date(Number.NaN), hasTime: false };
  return encounterStart(draft.date, draft.time);
}

/**
 * Problems with the draft, keyed by field: the API's rules (`checkGuidanceBooking` of
 * @waymark/domain), plus a time the browser could not read.
 */
export function validateBooking(draft: BookingDraft, pupils: number, now: Date): BookingErrors {
  const errors: BookingErrors = {};
  if (draft.time && !parseTime(draft.time)) errors.time = 'Enter the time as hours and minutes, for example 09:30, or leave it empty';
  const start = startOf(draft);
  const problems = checkGuidanceBooking(
    {
      pupils,
      date: errors.time ? startOf({ ...draft, time: '' }).date : start.date,
      hasTime: !errors.time && start.hasTime,
      adviserName: draft.adviserName,
      location: draft.location,
      notes: null,
    },
    now,
  );
  if (problems.date) errors[draft.time && problems.date.startsWith('That time') ? 'time' : 'date'] = problems.date;
  if (problems.adviserName) errors.adviserName = problems.adviserName;
  if (problems.location) errors.location = problems.location;
  return errors;
}

/** The mutation's input from a valid draft. */
export function toBookingInput(pupilIds: string[], draft: BookingDraft): BookGuidanceMeetingsInput {
  const start = startOf(draft);
  return {
    pupilIds,
    date: start.date.toISOString(),
    hasTime: start.hasTime,
    adviserName: draft.adviserName.trim(),
    location: draft.location.trim() || null,
  };
}

/** "4 March 2027 at 10:30", or "4 March 2027" when no time was given. */
export function bookingWhen(draft: BookingDraft): string {
  const start = startOf(draft);
  return start.hasTime ? formatDateTime(start.date, 'long') : formatDay(draft.date, 'long');
}

/** A booked meeting as a draft to move it: its day, time and place as they are now. */
export function draftOfBooking(meeting: { date: string; hasTime: boolean; adviserName: string; location: string | null }): BookingDraft {
  const { day, time } = encounterStartParts(meeting.date, meeting.hasTime);
  return { date: day, time, adviserName: meeting.adviserName, location: meeting.location ?? '' };
}

/** The move mutation's input from a valid draft (the adviser stays; an empty place clears it). */
export function toMoveInput(id: string, draft: BookingDraft): MoveGuidanceBookingInput {
  const start = startOf(draft);
  return { id, date: start.date.toISOString(), hasTime: start.hasTime, location: draft.location.trim() || null };
}
