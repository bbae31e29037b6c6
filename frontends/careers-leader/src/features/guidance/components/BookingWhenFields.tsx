import { Field } from '@waymark/ui';
import type { BookingDraft, BookingErrors } from '../lib/bookingDraft';

export interface BookingWhenFieldsProps {
  draft: BookingDraft;
  errors: BookingErrors;
  /** The fields' ids, which the error summary links to. */
  ids: { date: string; time: string };
  /** "Date of the meetings" when booking, "New date" when moving. */
  dateLabel: string;
  timeLabel: string;
  onChange: (key: 'date' | 'time', value: string) => void;
}

/** When a booked guidance meeting is: the day, and the time when known (booking meetings, and moving one). */
export function BookingWhenFields({ draft, errors, ids, dateLabel, timeLabel, onChange }: BookingWhenFieldsProps) {
  return (
    <>
      <Field
        id={ids.date}
        label={dateLabel}
        type="date"
        narrow
        value={draft.date}
        error={errors.date}
        onChange={(event) => onChange('date', event.target.value)}
      />
      <Field
        id={ids.time}
        label={timeLabel}
        hint="Leave it empty if you only know the day."
        type="time"
        narrow
        value={draft.time}
        error={errors.time}
        onChange={(event) => onChange('time', event.target.value)}
      />
    </>
  );
}
