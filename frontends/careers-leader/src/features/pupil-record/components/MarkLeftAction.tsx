import { request } from '@waymark/graphql-client';
import { formatDay, leavingDateProblem, todayInEngland } from '@waymark/domain';
import { Button, ConfirmDialog, Field, Notice } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { MARK_PUPIL_LEFT_MUTATION } from '../graphql/pupilRecord';

export interface MarkLeftActionProps {
  pupilId: string;
  pupilName: string;
  /** When they left, if they have: the action is offered only while they are on roll. */
  leftOn: string | null;
  /** The day their time at this school began (their latest enrolment): they cannot have left before it. */
  joinedOn: string | null;
  /** After the pupil is marked as left: the record is read again, so it shows the date. */
  onMarked: () => Promise<unknown>;
}

const DAY_ID = 'mark-left-day';

/**
 * "Mark as left" for one pupil on roll, without a full roster import: a confirmation that asks for
 * the day they left (today unless changed; never in the future) and says what follows, then the same
 * change a full roster makes for a pupil missing from the file (docs/domain-rules.md, "Leaving school").
 */
export function MarkLeftAction({ pupilId, pupilName, leftOn, joinedOn, onMarked }: MarkLeftActionProps) {
  const today = todayInEngland();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(today);
  const [busy, setBusy] = useState(false);
  // A problem with the date shows on the field; anything else above it.
  const [problem, setProblem] = useState<{ text: string; onDate: boolean } | null>(null);
  const [markedOn, setMarkedOn] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The button that opened the dialog is gone once they are marked: focus goes to what happened instead.
  useEffect(() => {
    if (markedOn) noticeRef.current?.focus();
  }, [markedOn]);

  const start = () => {
    setDay(todayInEngland());
    setProblem(null);
    setOpen(true);
  };

  const confirm = async () => {
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
      setMarkedOn(result.pupil?.leftOn ?? day);
      setOpen(false);
      await onMarked();
    } catch (error) {
      setProblem({ text: error instanceof Error ? error.message : `${pupilName} was not marked as left. Try again.`, onDate: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {markedOn ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice title={`${pupilName} is marked as left`} headingLevel={3}>
            <p>
              They left your school on {formatDay(markedOn, 'long')}. Their record stays here, and they stay in destinations tracking for three years after they
              leave.
            </p>
          </Notice>
        </div>
      ) : leftOn ? null : (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={start}>
            Mark as left
          </Button>
        </div>
      )}

      <ConfirmDialog
        open={open}
        title={`Mark ${pupilName} as left?`}
        confirmLabel={busy ? 'Marking as left…' : 'Yes, mark as left'}
        cancelLabel="No, keep them on roll"
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>Use this when a pupil leaves during the school year. From the day they left:</p>
        <ul>
          <li>they are no longer on your school's roll, so they leave your pupil lists, registers and benchmark figures</li>
          <li>their record stays with your school, and they stay in destinations tracking for three years after they leave</li>
        </ul>
        <p>This is the same as leaving them out of a full roster import. If they come back, import them again.</p>
        {problem && !problem.onDate ? (
          <p className="wm-field__error" role="alert">
            {problem.text}
          </p>
        ) : null}
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
    </>
  );
}
