import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { encounterStartParts } from '@waymark/domain';
import { Button, DateText, ErrorSummary, Field, Notice, Section, TextAreaField } from '@waymark/ui';
import { useEffect, useOptimistic, useRef, useState, useTransition, type SubmitEvent } from 'react';
import { todayIso } from '../../../shared/download';
import { SectionProblem } from '../../pupil-record/components/SectionProblem';
import type { BookedGuidanceMeeting, GuidanceMeeting, MoveGuidanceBookingInput, RecordGuidanceMeetingInput } from '../graphql/guidance';
import { BookedMeetingCard } from './BookedMeetingCard';
import { countsForBenchmark8, emptyGuidanceDraft, toGuidanceInput, validateGuidance, type GuidanceDraft, type GuidanceErrors } from '../lib/guidanceDraft';

export interface GuidanceSectionProps {
  pupilId: string;
  pupilName: string;
  meetings: GuidanceMeeting[] | null;
  /** Meetings booked ahead and not yet recorded as held, soonest first. */
  booked: BookedGuidanceMeeting[] | null;
  errors: readonly GraphQLErrorItem[];
  /** Staff of the pupil's current school may record meetings and tick actions. */
  editable: boolean;
  onRecord: (input: RecordGuidanceMeetingInput) => Promise<string | null>;
  onMoveBooking: (input: MoveGuidanceBookingInput) => Promise<string | null>;
  onCancelBooking: (id: string) => Promise<string | null>;
  onActionDone: (actionId: string, done: boolean) => Promise<string | null>;
}

const FIELD_ID: Record<string, string> = {
  date: 'guidance-date',
  adviserName: 'guidance-adviser-name',
  adviserLevel: 'guidance-adviser-level',
  notes: 'guidance-notes',
};

const idFor = (field: string) => FIELD_ID[field] ?? `guidance-${field}`;

/** Personal guidance (Benchmark 8): the pupil's meetings and agreed actions, recording a new meeting, and meetings booked ahead. */
export function GuidanceSection({
  pupilId,
  pupilName,
  meetings,
  booked,
  errors,
  editable,
  onRecord,
  onMoveBooking,
  onCancelBooking,
  onActionDone,
}: GuidanceSectionProps) {
  // Closed, a new meeting, or a booked one being recorded as held.
  const [open, setOpen] = useState<false | 'new' | BookedGuidanceMeeting>(false);
  const [notice, setNotice] = useState<{ title: string; text: string } | null>(null);
  const sorted = [...(meetings ?? [])].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));

  return (
    <Section title="Personal guidance" description={`Guidance meetings with a careers adviser, and what ${pupilName} agreed to do. Notes are for staff only.`}>
      <SectionProblem items={errors} what="guidance meetings" />
      {notice ? (
        <Notice title={notice.title} headingLevel={3}>
          {notice.text}
        </Notice>
      ) : null}
      {meetings ? (
        sorted.length ? (
          <ul className="wm-card-list">
            {sorted.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} editable={editable} onActionDone={onActionDone} />
            ))}
          </ul>
        ) : (
          <p className="wm-muted">No guidance meetings have been recorded.</p>
        )
      ) : null}
      {booked?.length ? (
        <>
          <h3>Booked meetings</h3>
          <ul className="wm-card-list">
            {booked.map((meeting) => (
              <BookedMeetingCard
                key={meeting.id}
                meeting={meeting}
                editable={editable}
                busyElsewhere={open !== false}
                onRecordHeld={() => {
                  setNotice(null);
                  setOpen(meeting);
                }}
                onMove={onMoveBooking}
                onCancel={onCancelBooking}
                onDone={(title, text) => setNotice({ title, text })}
              />
            ))}
          </ul>
        </>
      ) : null}
      {editable ? (
        open ? (
          <RecordGuidanceForm
            pupilId={pupilId}
            booking={open === 'new' ? null : open}
            onCancel={() => setOpen(false)}
            onRecord={async (input) => {
              const problem = await onRecord(input);
              if (!problem) {
                setOpen(false);
                setNotice({ title: 'Guidance meeting recorded', text: `The meeting with ${input.adviserName} has been added to ${pupilName}'s record.` });
              }
              return problem;
            }}
          />
        ) : (
          <div className="wm-button-row">
            <Button
              onClick={() => {
                setNotice(null);
                setOpen('new');
              }}
            >
              Record a guidance meeting
            </Button>
          </div>
        )
      ) : null}
    </Section>
  );
}

function MeetingCard({ meeting, editable, onActionDone }: { meeting: GuidanceMeeting; editable: boolean; onActionDone: GuidanceSectionProps['onActionDone'] }) {
  const [problem, setProblem] = useState<string | null>(null);
  // The box shows the new state at once, while it is saved; it goes back if saving fails.
  const [optimistic, setOptimistic] = useOptimistic<Record<string, boolean>, { id: string; done: boolean }>({}, (state, change) => ({
    ...state,
    [change.id]: change.done,
  }));
  const [, startTransition] = useTransition();
  const qualified = countsForBenchmark8(meeting.adviserLevel);
  return (
    <li className={qualified ? 'wm-card--met' : undefined}>
      <h3>
        <DateText value={meeting.date} /> with {meeting.adviserName}
      </h3>
      <p>
        Adviser qualified to level {meeting.adviserLevel}.{' '}
        {qualified ? 'Counts towards Benchmark 8.' : 'Does not count towards Benchmark 8, which needs an adviser qualified to level 6 or above.'}
      </p>
      {meeting.notes ? (
        <>
          <h4>Notes (staff only)</h4>
          <p className="wm-reflection">{meeting.notes}</p>
        </>
      ) : null}
      <h4>Agreed actions</h4>
      {meeting.agreedActions.length ? (
        <ul className="wm-plain-list">
          {meeting.agreedActions.map((action) => (
            <li key={action.id}>
              {editable ? (
                <label className="wm-checkbox">
                  <input
                    type="checkbox"
                    checked={optimistic[action.id] ?? !!action.doneAt}
                    onChange={(event) => {
                      const done = event.target.checked;
                      startTransition(async () => {
                        setOptimistic({ id: action.id, done });
                        setProblem(await onActionDone(action.id, done));
                      });
                    }}
                  />
                  <span>
                    {action.text}
                    {action.dueOn ? (
                      <span className="wm-muted">
                        {' '}
                        (by <DateText value={action.dueOn} />)
                      </span>
                    ) : null}
                    <span className="wm-visually-hidden">{(optimistic[action.id] ?? !!action.doneAt) ? ' (done)' : ' (not done yet)'}</span>
                  </span>
                </label>
              ) : (
                <>
                  {action.text}
                  {action.dueOn ? (
                    <span className="wm-muted">
                      {' '}
                      (by <DateText value={action.dueOn} />)
                    </span>
                  ) : null}
                  {action.doneAt ? ' — done' : ''}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="wm-muted">No actions were agreed.</p>
      )}
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

let nextActionKey = 1;

function RecordGuidanceForm({
  pupilId,
  booking,
  onRecord,
  onCancel,
}: {
  pupilId: string;
  /** The booked meeting this records as held; null for a new one. */
  booking: BookedGuidanceMeeting | null;
  onRecord: (input: RecordGuidanceMeetingInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<GuidanceDraft>(() => {
    const empty = emptyGuidanceDraft(todayIso());
    if (!booking) return empty;
    // The booked day when it has come, otherwise today (a meeting held early); the level is still chosen here.
    const { day } = encounterStartParts(booking.date, booking.hasTime);
    return { ...empty, date: day && day <= empty.date ? day : empty.date, adviserName: booking.adviserName, notes: booking.notes ?? '' };
  });
  const [errors, setErrors] = useState<GuidanceErrors>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const firstField = useRef<HTMLInputElement>(null);

  // The form opens from a button: take the person to its first field.
  useEffect(() => firstField.current?.focus(), []);

  const set = <Key extends keyof GuidanceDraft>(key: Key, value: GuidanceDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const setAction = (key: number, change: Partial<{ text: string; dueOn: string }>) =>
    setDraft((previous) => ({ ...previous, actions: previous.actions.map((action) => (action.key === key ? { ...action, ...change } : action)) }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateGuidance(draft, todayIso());
    setErrors(found);
    setServerProblem(null);
    if (Object.keys(found).length) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const problem = await onRecord({ ...toGuidanceInput(pupilId, draft), bookedMeetingId: booking?.id ?? null });
    setBusy(false);
    if (problem) {
      setServerProblem(problem);
      setAttempt((count) => count + 1);
    }
  };

  const items = [
    ...Object.entries(errors).map(([field, message]) => ({ message: message!, targetId: idFor(field) })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="guidance-form-heading">
      <h3 id="guidance-form-heading">{booking ? 'Record the booked meeting as held' : 'Record a guidance meeting'}</h3>
      <ErrorSummary attempt={attempt} items={items} />
      <Field
        ref={firstField}
        id={FIELD_ID.date}
        label="Date of the meeting"
        type="date"
        narrow
        value={draft.date}
        error={errors.date}
        onChange={(event) => set('date', event.target.value)}
      />
      <Field
        id={FIELD_ID.adviserName}
        label="Adviser's name"
        autoComplete="off"
        value={draft.adviserName}
        error={errors.adviserName}
        onChange={(event) => set('adviserName', event.target.value)}
      />
      <Field
        id={FIELD_ID.adviserLevel}
        label="Adviser's qualification level"
        hint="Ask the adviser if you do not know it. Level 6 or above counts towards Benchmark 8."
        type="number"
        inputMode="numeric"
        min={1}
        max={8}
        step={1}
        narrow
        value={draft.adviserLevel}
        error={errors.adviserLevel}
        onChange={(event) => set('adviserLevel', event.target.value)}
      />
      <TextAreaField
        id={FIELD_ID.notes}
        label="Notes (optional)"
        hint="Only staff of the school can read these. The pupil cannot."
        value={draft.notes}
        error={errors.notes}
        onChange={(event) => set('notes', event.target.value)}
      />
      <fieldset className="wm-fieldset">
        <legend>Agreed actions</legend>
        <p className="wm-field__hint">What the pupil agreed to do. They see these and can tick them off.</p>
        {draft.actions.map((action, index) => (
          <div key={action.key} className="wm-action-row">
            <Field
              id={`guidance-action-${action.key}`}
              label={`Action ${index + 1}`}
              autoComplete="off"
              value={action.text}
              error={errors[`action-${action.key}`]}
              onChange={(event) => setAction(action.key, { text: event.target.value })}
            />
            <Field
              id={`guidance-due-${action.key}`}
              label={`Action ${index + 1} due by (optional)`}
              type="date"
              narrow
              value={action.dueOn}
              error={errors[`due-${action.key}`]}
              onChange={(event) => setAction(action.key, { dueOn: event.target.value })}
            />
            {draft.actions.length > 1 ? (
              <Button
                variant="secondary"
                className="wm-button--small"
                onClick={() =>
                  set(
                    'actions',
                    draft.actions.filter((entry) => entry.key !== action.key),
                  )
                }
              >
                Remove action {index + 1}
              </Button>
            ) : null}
          </div>
        ))}
        <Button variant="secondary" onClick={() => set('actions', [...draft.actions, { key: nextActionKey++, text: '', dueOn: '' }])}>
          Add another action
        </Button>
      </fieldset>
      <div className="wm-button-row">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save guidance meeting'}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
