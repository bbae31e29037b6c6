import { formatDateTime, formatDay } from '@waymark/domain';
import { Button, ConfirmDialog, ErrorSummary, Field } from '@waymark/ui';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import type { BookedGuidanceMeeting, MoveGuidanceBookingInput } from '../graphql/guidance';
import { BookingWhenFields } from './BookingWhenFields';
import { bookingWhen, draftOfBooking, toMoveInput, validateBooking, type BookingDraft, type BookingErrors } from '../lib/bookingDraft';

/** "4 March 2027 at 10:30", or the day alone when no time was given. */
export const bookedWhen = (meeting: BookedGuidanceMeeting) => (meeting.hasTime ? formatDateTime(meeting.date, 'long') : formatDay(meeting.date, 'long'));

export interface BookedMeetingCardProps {
  meeting: BookedGuidanceMeeting;
  /** Staff of the pupil's school may record it as held, move it or cancel it. */
  editable: boolean;
  /** Another form is open (recording a meeting): the card's own buttons wait. */
  busyElsewhere: boolean;
  onRecordHeld: () => void;
  onMove: (input: MoveGuidanceBookingInput) => Promise<string | null>;
  onCancel: (id: string) => Promise<string | null>;
  /** What happened, for the section's notice. */
  onDone: (title: string, text: string) => void;
}

/** A meeting booked ahead and not yet held: record it as held, move it to another time or place, or cancel it. */
export function BookedMeetingCard({ meeting, editable, busyElsewhere, onRecordHeld, onMove, onCancel, onDone }: BookedMeetingCardProps) {
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const when = bookedWhen(meeting);

  const cancel = async () => {
    setBusy(true);
    const failed = await onCancel(meeting.id);
    setBusy(false);
    setCancelling(false);
    if (failed) setProblem(failed);
    else onDone('Booking cancelled', `The meeting on ${when} with ${meeting.adviserName} was cancelled. The pupil no longer sees it coming up.`);
  };

  return (
    <li>
      <h4>
        {when} with {meeting.adviserName}
      </h4>
      <p>{meeting.location ? `Place: ${meeting.location}. ` : ''}Not held yet: it counts towards Benchmark 8 once you record it as held.</p>
      {meeting.notes ? <p className="wm-reflection">{meeting.notes}</p> : null}
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {editable && moving ? (
        <MoveBookingForm
          meeting={meeting}
          onClose={() => setMoving(false)}
          onMove={async (input, newWhen) => {
            const failed = await onMove(input);
            if (!failed) {
              setMoving(false);
              onDone('Booking moved', `The meeting with ${meeting.adviserName} is now on ${newWhen}. The pupil sees the new time.`);
            }
            return failed;
          }}
        />
      ) : null}
      {editable && !moving && !busyElsewhere ? (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={onRecordHeld}>
            Record as held: {when}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setProblem(null);
              setMoving(true);
            }}
          >
            Move<span className="wm-visually-hidden"> the meeting on {when}</span>
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setProblem(null);
              setCancelling(true);
            }}
          >
            Cancel booking<span className="wm-visually-hidden"> on {when}</span>
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={cancelling}
        title="Cancel this booked meeting?"
        confirmLabel={busy ? 'Cancelling…' : 'Yes, cancel it'}
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(false)}
      >
        <p>
          The booked meeting with {meeting.adviserName} on {when} will be taken off the pupil&apos;s upcoming activities. You can book another one at any time.
        </p>
      </ConfirmDialog>
    </li>
  );
}

function MoveBookingForm({
  meeting,
  onClose,
  onMove,
}: {
  meeting: BookedGuidanceMeeting;
  onClose: () => void;
  onMove: (input: MoveGuidanceBookingInput, when: string) => Promise<string | null>;
}) {
  const [draft, setDraft] = useState<BookingDraft>(() => draftOfBooking(meeting));
  const [errors, setErrors] = useState<BookingErrors>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const fieldId = (field: keyof BookingDraft) => `${id}-${field}`;

  // The form opens from a button: take the person to it.
  useEffect(() => heading.current?.focus(), []);

  const set = (key: keyof BookingDraft, value: string) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateBooking(draft, 1, new Date());
    setErrors(found);
    setServerProblem(null);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const failed = await onMove(toMoveInput(meeting.id, draft), bookingWhen(draft));
    setBusy(false);
    if (failed) {
      setServerProblem(failed);
      setAttempt((count) => count + 1);
    }
  };

  const items = [
    ...Object.entries(errors).map(([field, message]) => ({ message, targetId: fieldId(field as keyof BookingDraft) })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Move the meeting on {bookedWhen(meeting)}
      </h5>
      <ErrorSummary attempt={attempt} items={items} />
      <BookingWhenFields
        draft={draft}
        errors={errors}
        ids={{ date: fieldId('date'), time: fieldId('time') }}
        dateLabel="New date"
        timeLabel="New time (optional)"
        onChange={set}
      />
      <Field
        id={fieldId('location')}
        label="Place (optional)"
        hint="Pupils see this."
        autoComplete="off"
        value={draft.location}
        error={errors.location}
        onChange={(event) => set('location', event.target.value)}
      />
      <div className="wm-button-row">
        <Button type="submit" disabled={busy}>
          {busy ? 'Moving…' : 'Move the meeting'}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onClose}>
          Keep it as it is
        </Button>
      </div>
    </form>
  );
}
