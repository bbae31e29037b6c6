import { request } from '@waymark/graphql-client';
import { academicYearOfDay, formatDay, leavingDateProblem, todayInEngland } from '@waymark/domain';
import { Button, ConfirmDialog, Field, Notice } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { MARK_PUPIL_BACK_ON_ROLL_MUTATION, MARK_PUPIL_LEFT_MUTATION } from '../graphql/pupilRecord';

export interface MarkLeftActionProps {
  pupilId: string;
  pupilName: string;
  /** When they left, if they have: "Mark as left" is offered while they are on roll, "Put back on roll" after a leaving this school year. */
  leftOn: string | null;
  /** The day their time at this school began (their latest enrolment): they cannot have left before it. */
  joinedOn: string | null;
  /** After a change: the record is read again, so it shows it. */
  onChanged: () => Promise<unknown>;
}

const DAY_ID = 'mark-left-day';

type Done = { kind: 'left'; on: string } | { kind: 'back' };

/**
 * "Mark as left" for one pupil on roll, without a full roster import: a confirmation that asks for
 * the day they left (today unless changed; never in the future) and says what follows, then the same
 * change a full roster makes for a pupil missing from the file. A leaving this school year can be
 * undone ("Put back on roll") after a confirmation of its own (docs/domain-rules.md, "Leaving school").
 */
export function MarkLeftAction({ pupilId, pupilName, leftOn, joinedOn, onChanged }: MarkLeftActionProps) {
  const today = todayInEngland();
  const [asking, setAsking] = useState<'leave' | 'back' | null>(null);
  const [day, setDay] = useState(today);
  const [busy, setBusy] = useState(false);
  // A problem with the date shows on the field; anything else above it.
  const [problem, setProblem] = useState<{ text: string; onDate: boolean } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The button that opened the dialog is gone once it is done: focus goes to what happened instead.
  useEffect(() => {
    if (done) noticeRef.current?.focus();
  }, [done]);

  const ask = (what: 'leave' | 'back') => {
    setDay(todayInEngland());
    setProblem(null);
    setDone(null);
    setAsking(what);
  };

  const failed = (error: unknown, what: string) =>
    setProblem({ text: error instanceof Error ? error.message : `${pupilName} was not ${what}. Try again.`, onDate: false });

  const markLeft = async () => {
    const local = leavingDateProblem(day, { today: todayInEngland(), joinedOn });
    if (local) return setProblem({ text: local.message, onDate: true });
    setBusy(true);
    try {
      const { markPupilLeft: result } = await request(MARK_PUPIL_LEFT_MUTATION, { input: { pupilId, leftOn: day } });
      if (result.error) {
        const onDate = result.error.fields.find((field) => field.field === 'leftOn');
        setProblem(onDate ? { text: onDate.message, onDate: true } : { text: result.error.message, onDate: false });
        return;
      }
      setDone({ kind: 'left', on: result.pupil?.leftOn ?? day });
      setAsking(null);
      await onChanged();
    } catch (error) {
      failed(error, 'marked as left');
    } finally {
      setBusy(false);
    }
  };

  const putBack = async () => {
    setBusy(true);
    try {
      const { markPupilBackOnRoll: result } = await request(MARK_PUPIL_BACK_ON_ROLL_MUTATION, { input: { pupilId } });
      if (result.error) return setProblem({ text: result.error.message, onDate: false });
      setDone({ kind: 'back' });
      setAsking(null);
      await onChanged();
    } catch (error) {
      failed(error, 'put back on roll');
    } finally {
      setBusy(false);
    }
  };

  // Only a leaving of this school year is undone here; an earlier leaver comes back through a roster import.
  const undoable = leftOn !== null && academicYearOfDay(leftOn) === academicYearOfDay(today);
  const otherProblem =
    problem && !problem.onDate ? (
      <p className="wm-field__error" role="alert">
        {problem.text}
      </p>
    ) : null;

  return (
    <>
      {done ? (
        <div ref={noticeRef} tabIndex={-1}>
          {done.kind === 'left' ? (
            <Notice title={`${pupilName} is marked as left`} headingLevel={3}>
              <p>
                They left your school on {formatDay(done.on, 'long')}. Their record stays here, and they stay in destinations tracking for three years after
                they leave.
              </p>
            </Notice>
          ) : (
            <Notice title={`${pupilName} is back on roll`} headingLevel={3}>
              <p>Their time at your school carries on as if they had never left.</p>
            </Notice>
          )}
        </div>
      ) : null}
      {leftOn === null ? (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={() => ask('leave')}>
            Mark as left
          </Button>
        </div>
      ) : undoable ? (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={() => ask('back')}>
            Put back on roll
          </Button>
        </div>
      ) : null}

      <ConfirmDialog
        open={asking === 'leave'}
        title={`Mark ${pupilName} as left?`}
        confirmLabel={busy ? 'Marking as left…' : 'Yes, mark as left'}
        cancelLabel="No, keep them on roll"
        busy={busy}
        onConfirm={() => void markLeft()}
        onCancel={() => setAsking(null)}
      >
        <p>Use this when a pupil leaves during the school year. From the day they left:</p>
        <ul>
          <li>they are no longer on your school's roll, so they leave your pupil lists, registers and benchmark figures</li>
          <li>their record stays with your school, and they stay in destinations tracking for three years after they leave</li>
        </ul>
        <p>This is the same as leaving them out of a full roster import. If you mark them by mistake, you can put them back on roll this school year.</p>
        {otherProblem}
        <Field
          id={DAY_ID}
          label="Date they left"
          hint="Today, or a day since they joined. It cannot be in the future."
          type="date"
          narrow
          min={joinedOn ?? undefined}
          max={today}
          value={day}
          error={problem?.onDate ? problem.text : undefined}
          onChange={(event) => setDay(event.target.value)}
        />
      </ConfirmDialog>

      <ConfirmDialog
        open={asking === 'back'}
        title={`Put ${pupilName} back on roll?`}
        confirmLabel={busy ? 'Putting back on roll…' : 'Yes, put them back on roll'}
        cancelLabel="No, they have left"
        busy={busy}
        onConfirm={() => void putBack()}
        onCancel={() => setAsking(null)}
      >
        <p>
          Do this only if they were marked as left by mistake. Their time at your school carries on as if they had never left: they are back in your pupil
          lists, registers and benchmark figures.
        </p>
        <p>If they left and have now come back, include them in your next roster import instead.</p>
        {otherProblem}
      </ConfirmDialog>
    </>
  );
}
