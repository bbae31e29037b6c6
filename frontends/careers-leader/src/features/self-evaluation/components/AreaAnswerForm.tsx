import { Button, ErrorSummary, SelectField, TextAreaField } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { SelfEvaluationArea, SelfEvaluationAnswer } from '../graphql/self-evaluation';
import type { SaveProblem } from '../hooks/useSelfEvaluation';
import { ANSWER_OPTIONS, REASON_MAX, validateAnswer, type AnswerDraft } from '../lib/selfEvaluation';

/** The leader's own answer to one area, with the reason for it. Focus starts on the first control. */
export function AreaAnswerForm({
  area,
  onSave,
  onCancel,
}: {
  area: SelfEvaluationArea;
  onSave: (state: SelfEvaluationAnswer, reason: string) => Promise<SaveProblem>;
  onCancel: () => void;
}) {
  const ids = { state: `answer-state-${area.key}`, reason: `answer-reason-${area.key}` };
  const [draft, setDraft] = useState<AnswerDraft>({ state: area.override?.state ?? '', reason: area.override?.reason ?? '' });
  const [errors, setErrors] = useState<Partial<Record<keyof AnswerDraft, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateAnswer(draft);
    setErrors(found);
    setServerProblem(null);
    if (Object.keys(found).length || !draft.state) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const problem = await onSave(draft.state, draft.reason.trim());
    setBusy(false);
    if (problem) {
      const known = problem.fields.filter((f) => f.field === 'state' || f.field === 'reason');
      setErrors(Object.fromEntries(known.map((f) => [f.field, f.message])));
      setServerProblem(known.length ? null : problem.message);
      setAttempt((n) => n + 1);
    }
  };

  const items = [
    ...(Object.entries(errors) as [keyof AnswerDraft, string][]).map(([field, message]) => ({ message, targetId: ids[field] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <form className="wm-form" noValidate aria-label={`Your answer: ${area.text}`} onSubmit={(event) => void submit(event)}>
      <ErrorSummary attempt={attempt} items={items} />
      <SelectField
        ref={first}
        id={ids.state}
        label="Your answer"
        placeholder="Choose one"
        options={ANSWER_OPTIONS}
        value={draft.state}
        error={errors.state}
        onChange={(event) => setDraft((d) => ({ ...d, state: event.target.value as SelfEvaluationAnswer | '' }))}
      />
      <TextAreaField
        id={ids.reason}
        label="Reason"
        hint={`What shows this? Up to ${REASON_MAX} characters.`}
        value={draft.reason}
        error={errors.reason}
        onChange={(event) => setDraft((d) => ({ ...d, reason: event.target.value }))}
      />
      <div className="wm-button-row">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save answer'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
