import { checkSelfReport, todayInEngland } from '@waymark/domain';
import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, ErrorSummary, Field, Fieldset, formatDate, Loading, Section, SelectField, type ErrorSummaryItem } from '@waymark/ui';
import { useRef, useState, type SubmitEvent } from 'react';
import { MyAlumniReportsDocument, ReportWhereIAmNowDocument } from '../graphql/alumniConfirmation';
import { answerOf, CHOICES, describeReport, hasPlace, LEVELS, PLACE_KINDS, statusText, type FieldName, type Values } from '../lib/whereAreYouNow';

const ORDER: FieldName[] = ['activity', 'providerKind', 'apprenticeshipLevel', 'provider', 'course', 'startsOn'];
const id = (field: FieldName) => `where-now-${field}`;
const EMPTY: Values = { activity: '', providerKind: '', apprenticeshipLevel: '', provider: '', course: '', startsOn: '' };

/**
 * "Where are you now?": a former pupil whose school confirmed them tells it what they do now (the
 * same questions and checks as the leavers' page), and sees what they told it before and whether the
 * school has looked at it. Loads and fails on its own.
 */
export function WhereAreYouNowSection({ schoolName, yearLeft }: { schoolName: string; yearLeft: number | null }) {
  const reports = useQuery(MyAlumniReportsDocument);
  const [send, sending] = useMutation(ReportWhereIAmNowDocument);
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const choice = values.activity;
  const set = (field: FieldName) => (event: { target: { value: string } }) => {
    setSent(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.loading) return;
    const answer = answerOf(values);
    const today = todayInEngland();
    // The same checks the destinations subgraph makes, so problems show before anything is sent.
    const checked = checkSelfReport(answer, yearLeft ?? Number(today.slice(0, 4)) - 50, today, 'school');
    if (!checked.ok) {
      setProblems(checked.problems);
      setFormError(null);
      setAttempt((n) => n + 1);
      return;
    }
    const { data, error } = await send({
      input: {
        activity: answer.activity as never,
        providerKind: (answer.providerKind as never) ?? null,
        apprenticeshipLevel: typeof answer.apprenticeshipLevel === 'number' ? answer.apprenticeshipLevel : null,
        provider: (answer.provider as string | undefined) ?? null,
        course: (answer.course as string | undefined) ?? null,
        startsOn: answer.startsOn as string,
      },
    });
    const refused = data?.reportWhereIAmNow.error;
    if (error || refused || !data?.reportWhereIAmNow.report) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const problem of refused?.fields ?? []) if (ORDER.includes(problem.field as FieldName)) found[problem.field as FieldName] ??= problem.message;
      setProblems(found);
      setFormError(Object.keys(found).length > 0 ? null : (refused?.message ?? error?.message ?? 'Your answer was not sent. Try again.'));
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({});
    setFormError(null);
    setValues(EMPTY);
    setSent(true);
    await reports.refetch();
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  const items: ErrorSummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...ORDER.filter((field) => problems[field]).map((field) => ({
      message: problems[field]!,
      targetId: field === 'activity' ? `${id('activity')}-${CHOICES[0].value}` : id(field),
    })),
  ];
  const education = choice === 'EDUCATION';
  const past = reports.data?.myAlumniReports ?? [];

  return (
    <Section
      title="Where are you now?"
      description={`Tell ${schoolName} what you do now. It helps them show their pupils where people from their school go. Only the school's staff see your answer.`}
    >
      {sent ? (
        <p ref={doneRef} tabIndex={-1} className="wm-notice" role="status">
          Thank you. {schoolName} has your answer. You can see it below, and whether they have looked at it.
        </p>
      ) : null}
      <ErrorSummary items={items} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Where are you now?">
        <Fieldset label="What are you doing now?" error={problems.activity}>
          {CHOICES.map((option) => (
            <label className="wm-checkbox" key={option.value}>
              <input
                type="radio"
                id={`${id('activity')}-${option.value}`}
                name="where-now-activity"
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
              hint={education ? 'For example, a degree in nursing' : 'For example, trainee electrician'}
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
        <Button type="submit" disabled={sending.loading}>
          {sending.loading ? 'Sending…' : `Send to ${schoolName}`}
        </Button>
      </form>

      <h3 style={{ marginTop: 'var(--wm-space-xl)' }}>What you have told {schoolName}</h3>
      {reports.loading && !reports.data ? <Loading label="Loading what you told your school…" /> : null}
      {reports.error ? (
        <ErrorPanel title="What you told your school could not be loaded" onRetry={() => void reports.refetch()}>
          {reports.error.message}
        </ErrorPanel>
      ) : null}
      {reports.data && past.length === 0 ? <p>You have not told them anything yet.</p> : null}
      {past.length > 0 ? (
        <ul className="wm-list" aria-label={`What you have told ${schoolName}`}>
          {past.map((report) => (
            <li key={report.id}>
              <strong>{describeReport(report)}</strong>, since {formatDate(report.startsOn)}. Sent {formatDate(report.submittedAt)}. {statusText(report.status)}
              .
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
