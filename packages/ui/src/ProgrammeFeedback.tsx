import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { Button } from './Button.js';
import { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.js';
import { Notice } from './feedback.js';
import { TextAreaField } from './form.js';

/*
 * Feedback on the careers programme: a rating scale as radio buttons, and a termly survey form that
 * parents, staff and employers answer in their own portals (the same questions and behaviour everywhere).
 */

export interface RatingChoice {
  value: number;
  label: string;
}

export interface RatingRadiosProps {
  /** The question, as the group's legend. */
  legend: ReactNode;
  name: string;
  options: readonly RatingChoice[];
  value: number | null;
  onChange: (value: number) => void;
  error?: string | null;
  /** The id the error summary links to (the first radio button). */
  id: string;
}

/** One answer from a scale: real radio buttons in a fieldset, so arrow keys move between them and screen readers read the question. */
export function RatingRadios({ legend, name, options, value, onChange, error, id }: RatingRadiosProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'wm-fieldset wm-field--error' : 'wm-fieldset'} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <span id={errorId} className="wm-field__error">
          <span className="wm-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <div className="wm-checkbox-list">
        {options.map((option, index) => (
          <label key={option.value} className="wm-checkbox">
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface SurveyQuestionView {
  key: string;
  text: string;
  options: readonly RatingChoice[];
}

export interface SurveyView {
  id: string;
  label: string;
  /** Who asks: the school's name, when the reader may answer for more than one school. */
  askedBy?: string | null;
  anonymous: boolean;
  questions: readonly SurveyQuestionView[];
  commentQuestion: string;
  commentMaxLength: number;
  answered: boolean;
}

export interface SurveyAnswer {
  helps: number;
  informed: number;
  comment: string;
}

export interface SurveyFormProps {
  survey: SurveyView;
  headingLevel?: 2 | 3;
  /** Sends the answer; resolves with the problem to show, or null once it is saved. */
  onAnswer: (surveyId: string, answer: SurveyAnswer) => Promise<string | null>;
}

/** One survey: two questions on a four-point scale and one optional comment, answered once. */
export function SurveyForm({ survey, headingLevel = 2, onAnswer }: SurveyFormProps) {
  const base = useId().replace(/:/g, '');
  const [values, setValues] = useState<Record<string, number | null>>({ helps: null, informed: null });
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const Heading = `h${headingLevel}` as const;
  const idOf = (key: string) => `${base}-${key}`;

  if (survey.answered || done) {
    return (
      <Notice title={`${survey.label}: answered`} headingLevel={headingLevel}>
        <p>Thank you. Your answer is saved{survey.anonymous ? ', without your name' : ''}. You can answer each survey once.</p>
      </Notice>
    );
  }

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    survey.questions.forEach((question, index) => {
      if (values[question.key] == null) found[question.key] = `Choose an answer to question ${index + 1}`;
    });
    if (comment.trim().length > survey.commentMaxLength)
      found.comment = `Keep your comment to ${survey.commentMaxLength.toLocaleString('en-GB')} characters or fewer`;
    setProblems(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const failed = await onAnswer(survey.id, { helps: values.helps!, informed: values.informed!, comment: comment.trim() });
    setBusy(false);
    if (failed) {
      setProblem(failed);
      setAttempt((n) => n + 1);
    } else setDone(true);
  };

  const items: ErrorSummaryItem[] = [
    ...Object.entries(problems).map(([key, message]) => ({ message, targetId: idOf(key) })),
    ...(problem ? [{ message: problem }] : []),
  ];
  return (
    <div className="wm-survey">
      <Heading>{survey.label}</Heading>
      {survey.askedBy ? <p className="wm-muted">Asked by {survey.askedBy}</p> : null}
      <p className="wm-muted">
        {survey.anonymous
          ? 'This survey is anonymous: your answer is saved without your name, and nobody can tell which answer is yours.'
          : 'The school can see who gave each answer.'}
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={survey.label}>
        {survey.questions.map((question, index) => (
          <RatingRadios
            key={question.key}
            id={idOf(question.key)}
            name={idOf(question.key)}
            legend={`${index + 1}. ${question.text}`}
            options={question.options}
            value={values[question.key] ?? null}
            onChange={(value) => setValues((previous) => ({ ...previous, [question.key]: value }))}
            error={problems[question.key]}
          />
        ))}
        <TextAreaField
          id={idOf('comment')}
          label={`${survey.questions.length + 1}. ${survey.commentQuestion} (optional)`}
          hint={`Up to ${survey.commentMaxLength.toLocaleString('en-GB')} characters.`}
          value={comment}
          maxLength={survey.commentMaxLength}
          error={problems.comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send answer'}
          </Button>
        </div>
      </form>
    </div>
  );
}
