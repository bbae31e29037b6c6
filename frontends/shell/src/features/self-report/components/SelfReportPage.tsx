import { Button, ErrorSummary, Field, Fieldset, Loading, SelectField, type ErrorSummaryItem } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { PublicFrame } from '../../volunteer-sign-up/components/PublicFrame';
import { CHOICES, hasPlace, LEVELS, PLACE_KINDS, postSelfReport, problemsOf, type Choice } from '../selfReport';

type FieldName = 'activity' | 'providerKind' | 'apprenticeshipLevel' | 'provider' | 'course' | 'startsOn';
const ORDER: FieldName[] = ['activity', 'providerKind', 'apprenticeshipLevel', 'provider', 'course', 'startsOn'];
const id = (field: FieldName) => `self-report-${field}`;

type Stage =
  { kind: 'opening' } | { kind: 'broken'; message: string } | { kind: 'form'; schoolName: string; firstName: string } | { kind: 'sent'; message: string };

const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';

/**
 * "Where are you now?": a leaver opens their school's private link (no sign-in) and says what they
 * are doing. The page knows only the school's name and their first name; the token is the only key.
 */
export function SelfReportPage() {
  const [token] = useState(() => tokenOf(window.location.hash));
  const [stage, setStage] = useState<Stage>({ kind: 'opening' });
  const [values, setValues] = useState<Record<FieldName, string>>({
    activity: '',
    providerKind: '',
    apprenticeshipLevel: '',
    provider: '',
    course: '',
    startsOn: '',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void postSelfReport('self-report/open', { token }).then(({ status, body }) => {
      if (status === 200 && typeof body.schoolName === 'string' && typeof body.firstName === 'string')
        setStage({ kind: 'form', schoolName: body.schoolName, firstName: body.firstName });
      else setStage({ kind: 'broken', message: typeof body.error === 'string' ? body.error : 'This link does not work.' });
    });
  }, [token]);

  useEffect(() => {
    if (stage.kind === 'sent') doneRef.current?.focus();
  }, [stage.kind]);

  const choice = values.activity as Choice;
  const set = (field: FieldName) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const body: Record<string, unknown> = { token, activity: values.activity, startsOn: values.startsOn };
    if (choice === 'EDUCATION') body.providerKind = values.providerKind;
    if (choice === 'APPRENTICESHIP') body.apprenticeshipLevel = Number(values.apprenticeshipLevel) || values.apprenticeshipLevel;
    if (hasPlace(choice)) Object.assign(body, { provider: values.provider, course: values.course });
    const { status, body: answer } = await postSelfReport('self-report', body);
    setBusy(false);
    if (status === 200) return setStage({ kind: 'sent', message: typeof answer.message === 'string' ? answer.message : 'Thank you.' });
    if (status === 404) return setStage({ kind: 'broken', message: typeof answer.error === 'string' ? answer.error : 'This link does not work.' });
    const found = problemsOf(answer);
    setProblems(found);
    setFormError(Object.keys(found).length > 0 ? null : typeof answer.error === 'string' ? answer.error : 'Your answer was not sent. Try again.');
    setAttempt((n) => n + 1);
  }

  if (stage.kind === 'opening')
    return (
      <PublicFrame title="Where are you now?">
        <Loading label="Opening your link…" />
      </PublicFrame>
    );
  if (stage.kind === 'broken')
    return (
      <PublicFrame title="This link does not work" pageKey="broken">
        <h1>This link does not work</h1>
        <p>{stage.message}</p>
      </PublicFrame>
    );
  if (stage.kind === 'sent')
    return (
      <PublicFrame title="Thank you" pageKey="sent">
        <h1 ref={doneRef} tabIndex={-1}>
          Thank you
        </h1>
        <p>{stage.message}</p>
        <p>You can close this page now.</p>
      </PublicFrame>
    );

  const items: ErrorSummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...ORDER.filter((field) => problems[field]).map((field) => ({
      message: problems[field],
      targetId: field === 'activity' ? `${id('activity')}-${CHOICES[0].value}` : id(field),
    })),
  ];
  const education = choice === 'EDUCATION';

  return (
    <PublicFrame title="Where are you now?">
      <h1>Where are you now?</h1>
      <p>
        Hi {stage.firstName}. {stage.schoolName} would like to know what you are doing now that you have left Year 11. It takes about a minute, and only your
        school sees your answer.
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Where are you now?">
        <Fieldset label="What are you doing now?" error={problems.activity}>
          {CHOICES.map((option) => (
            <label className="wm-checkbox" key={option.value}>
              <input
                type="radio"
                id={`${id('activity')}-${option.value}`}
                name="activity"
                value={option.value}
                checked={values.activity === option.value}
                onChange={set('activity')}
                // Long answers wrap beside it; the circle keeps its size.
                style={{ flexShrink: 0 }}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </Fieldset>
        {education ? (
          <SelectField
            id={id('providerKind')}
            label="Where do you study?"
            options={PLACE_KINDS}
            placeholder="Choose one"
            value={values.providerKind}
            error={problems.providerKind}
            onChange={set('providerKind')}
          />
        ) : null}
        {choice === 'APPRENTICESHIP' ? (
          <SelectField
            id={id('apprenticeshipLevel')}
            label="What level is your apprenticeship?"
            hint="Your employer or training provider can tell you if you are not sure."
            options={LEVELS}
            placeholder="Choose a level"
            value={values.apprenticeshipLevel}
            error={problems.apprenticeshipLevel}
            onChange={set('apprenticeshipLevel')}
          />
        ) : null}
        {hasPlace(choice) ? (
          <>
            <Field
              id={id('provider')}
              label={education ? 'Name of your sixth form, college or university' : 'Name of your employer or training provider'}
              autoComplete="organization"
              value={values.provider}
              error={problems.provider}
              onChange={set('provider')}
            />
            <Field
              id={id('course')}
              label={education ? 'Your course' : 'Your job title'}
              hint={education ? 'For example, A levels in biology and chemistry' : 'For example, trainee electrician'}
              value={values.course}
              error={problems.course}
              onChange={set('course')}
            />
          </>
        ) : null}
        {choice ? (
          <Field
            id={id('startsOn')}
            type="date"
            narrow
            label={hasPlace(choice) ? 'When did you start?' : 'Since when?'}
            hint="If it starts soon, the day it starts (up to a month from now)."
            value={values.startsOn}
            error={problems.startsOn}
            onChange={set('startsOn')}
          />
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send to my school'}
        </Button>
      </form>
    </PublicFrame>
  );
}
