import { GUIDANCE_LIMITS } from '@waymark/domain';
import { request } from '@waymark/graphql-client';
import { Button, ConfirmDialog, ErrorPanel, ErrorSummary, Field, formatNumber, Notice, Section, SummaryList } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { NO_ENCOUNTER_FILTERS } from '../../encounters/lib/encounterFilters';
import { routeHref } from '../../../shared/route';
import { BookingWhenFields } from '../../guidance/components/BookingWhenFields';
import { BOOK_GUIDANCE_MEETINGS_MUTATION } from '../../guidance/graphql/guidance';
import { bookingWhen, EMPTY_BOOKING, toBookingInput, validateBooking, type BookingDraft, type BookingErrors } from '../../guidance/lib/bookingDraft';
import type { GapRow } from '../graphql/dashboard';

export interface BookGuidanceGapSectionProps {
  /** Every pupil on the list (all pages), fetched when the leader acts. */
  fetchAll: (onProgress: (loaded: number, total: number) => void) => Promise<GapRow[]>;
  total: number;
}

interface ListedPupil {
  id: string;
  name: string;
}

type State =
  | { status: 'idle' }
  | { status: 'fetching'; text: string }
  | { status: 'form'; pupils: ListedPupil[] }
  | { status: 'booked'; count: number; when: string; adviser: string; day: string }
  | { status: 'error'; title: string; message: string };

const FIELD_ID: Record<keyof BookingDraft, string> = {
  date: 'booking-date',
  time: 'booking-time',
  adviserName: 'booking-adviser',
  location: 'booking-place',
};

const meetings = (count: number) => (count === 1 ? '1 guidance meeting' : `${formatNumber(count)} guidance meetings`);

/** From a gap list to action: book a personal guidance meeting (Benchmark 8) for everyone on it, at one time with one adviser. */
export function BookGuidanceGapSection({ fetchAll, total }: BookGuidanceGapSectionProps) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const startButton = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const closed = useRef(false);
  // Focus follows what happened: to the confirmation once booked, back to the button when the form is closed.
  useEffect(() => {
    if (state.status === 'booked') done.current?.focus();
    if (state.status === 'idle' && closed.current) startButton.current?.focus();
  }, [state.status]);
  const everyone = total === 1 ? 'the 1 pupil' : `all ${formatNumber(total)} pupils`;

  const start = async () => {
    try {
      const rows = await fetchAll((loaded, of) => setState({ status: 'fetching', text: `Fetched ${formatNumber(loaded)} of ${formatNumber(of)} pupils…` }));
      const pupils = rows.flatMap((row) => (row.pupil ? [{ id: row.pupil.id, name: row.pupil.displayName }] : []));
      if (pupils.length > GUIDANCE_LIMITS.bookingPupils) {
        const most = formatNumber(GUIDANCE_LIMITS.bookingPupils);
        const message = `This list has ${formatNumber(pupils.length)} pupils, and at most ${most} meetings can be booked at once. Choose a year group to make the list shorter.`;
        setState({ status: 'error', title: 'The list is too long to book at once', message });
      } else setState({ status: 'form', pupils });
    } catch (error) {
      setState({ status: 'error', title: 'The pupils could not be fetched', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Section
      title="Book guidance meetings"
      description={`Book a personal guidance meeting with a careers adviser for ${everyone} on this list, all at one time. A booked meeting counts towards Benchmark 8 once you record it as held on the pupil's page.`}
    >
      {state.status === 'form' ? (
        <BookingForm
          pupils={state.pupils}
          onCancel={() => {
            closed.current = true;
            setState({ status: 'idle' });
          }}
          onBooked={(booked) => setState({ status: 'booked', ...booked })}
        />
      ) : (
        <div className="wm-button-row">
          <Button ref={startButton} onClick={() => void start()} disabled={state.status === 'fetching' || total === 0}>
            Book guidance meetings for {everyone}
          </Button>
        </div>
      )}
      <p role="status" aria-live="polite" className="wm-muted">
        {state.status === 'fetching' ? state.text : ''}
      </p>
      {state.status === 'booked' ? (
        <div ref={done} tabIndex={-1}>
          <Notice title="Guidance meetings booked" headingLevel={3}>
            <p>
              {meetings(state.count)} booked for {state.when} with {state.adviser}. Each pupil sees theirs under “Coming up”.
            </p>
            <p>
              <a href={routeHref({ view: 'encounters', filters: { ...NO_ENCOUNTER_FILTERS, kind: 'GUIDANCE_MEETING', from: state.day, to: state.day } })}>
                See the booked meetings
              </a>
            </p>
          </Notice>
        </div>
      ) : null}
      {state.status === 'error' ? (
        <ErrorPanel title={state.title} headingLevel={3}>
          {state.message}
        </ErrorPanel>
      ) : null}
    </Section>
  );
}

function BookingForm({
  pupils,
  onCancel,
  onBooked,
}: {
  pupils: ListedPupil[];
  onCancel: () => void;
  onBooked: (booked: { count: number; when: string; adviser: string; day: string }) => void;
}) {
  const [draft, setDraft] = useState<BookingDraft>(EMPTY_BOOKING);
  const [errors, setErrors] = useState<BookingErrors>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The form opens from a button: take the person to it.
  useEffect(() => heading.current?.focus(), []);

  const set = (key: keyof BookingDraft, value: string) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateBooking(draft, pupils.length, new Date());
    setErrors(found);
    setServerProblem(null);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    setConfirming(true);
  };

  const book = async () => {
    setBusy(true);
    try {
      const { bookGuidanceMeetings: result } = await request(BOOK_GUIDANCE_MEETINGS_MUTATION, {
        input: toBookingInput(
          pupils.map((pupil) => pupil.id),
          draft,
        ),
      });
      setBusy(false);
      setConfirming(false);
      if (result.error) {
        setServerProblem(
          [result.error.message, ...result.error.fields.map((field) => field.message)].filter((text, i, all) => all.indexOf(text) === i).join(' '),
        );
        setAttempt((count) => count + 1);
      } else {
        onBooked({ count: result.meetings.length, when: bookingWhen(draft), adviser: draft.adviserName.trim(), day: draft.date });
      }
    } catch (error) {
      setBusy(false);
      setConfirming(false);
      setServerProblem(error instanceof Error ? error.message : String(error));
      setAttempt((count) => count + 1);
    }
  };

  const items = [
    ...Object.entries(errors).map(([field, message]) => ({ message, targetId: FIELD_ID[field as keyof BookingDraft] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <form className="wm-form" noValidate onSubmit={submit} aria-labelledby="booking-form-heading">
      <h3 id="booking-form-heading" ref={heading} tabIndex={-1}>
        Book {meetings(pupils.length)}
      </h3>
      <ErrorSummary attempt={attempt} items={items} />
      <h4 id="booking-pupils-heading">{pupils.length === 1 ? 'The pupil' : `The ${formatNumber(pupils.length)} pupils`}, one meeting each</h4>
      <ul className="wm-plain-list" aria-labelledby="booking-pupils-heading">
        {pupils.map((pupil) => (
          <li key={pupil.id}>{pupil.name}</li>
        ))}
      </ul>
      <BookingWhenFields draft={draft} errors={errors} ids={FIELD_ID} dateLabel="Date of the meetings" timeLabel="Time (optional)" onChange={set} />
      <Field
        id={FIELD_ID.adviserName}
        label="Adviser's name"
        hint="You give the adviser's qualification level when you record each meeting as held."
        autoComplete="off"
        value={draft.adviserName}
        error={errors.adviserName}
        onChange={(event) => set('adviserName', event.target.value)}
      />
      <Field
        id={FIELD_ID.location}
        label="Place (optional)"
        hint="For example: Library meeting room. Pupils see this."
        autoComplete="off"
        value={draft.location}
        error={errors.location}
        onChange={(event) => set('location', event.target.value)}
      />
      <div className="wm-button-row">
        <Button type="submit" disabled={busy}>
          Book {meetings(pupils.length)}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Book ${meetings(pupils.length)}?`}
        confirmLabel={busy ? 'Booking…' : 'Yes, book them'}
        cancelLabel="Go back"
        busy={busy}
        onConfirm={() => void book()}
        onCancel={() => setConfirming(false)}
      >
        <p>One meeting for each pupil on the list. Each pupil sees theirs under “Coming up”.</p>
        <SummaryList
          items={[
            { term: 'Pupils', value: formatNumber(pupils.length) },
            { term: 'When', value: bookingWhen(draft) },
            { term: 'Adviser', value: draft.adviserName.trim() },
            { term: 'Place', value: draft.location.trim() || 'Not given' },
          ]}
        />
      </ConfirmDialog>
    </form>
  );
}
