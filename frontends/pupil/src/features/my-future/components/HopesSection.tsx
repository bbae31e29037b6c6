import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { checkAspiration, formatDay } from '@waymark/domain';
import { Button, ErrorSummary, Field, formatHashtags, parseHashtags, Section, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { PartProblem } from '../../my-progress/components/PartProblem';
import type { MyAspiration } from '../graphql/myFuture';
import type { SaveProblem } from '../hooks/useMyFuture';

export interface HopesSectionProps {
  aspirations: MyAspiration[] | null;
  errors: readonly GraphQLErrorItem[];
  onSave: (text: string, hashtags: string[]) => Promise<SaveProblem>;
}

const FIELD_IDS = { text: 'hope-text', hashtags: 'hope-hashtags' } as const;

/** What the pupil hopes to do one day, in their own words, with hashtags. */
export function HopesSection({ aspirations, errors, onSave }: HopesSectionProps) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof typeof FIELD_IDS, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { hashtags, problems } = checkAspiration({ text, hashtags: parseHashtags(tags) });
    setFieldErrors(problems);
    setServerProblem(null);
    setStatus(null);
    if (Object.keys(problems).length) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const problem = await onSave(text.trim(), hashtags);
    setBusy(false);
    if (problem) {
      setFieldErrors(Object.fromEntries(problem.fields.filter((f) => f.field in FIELD_IDS).map((f) => [f.field, f.message])));
      setServerProblem(problem.fields.length ? null : problem.message);
      setAttempt((count) => count + 1);
      return;
    }
    setStatus('Saved.');
    setText('');
    setTags('');
  };

  const items = [
    ...Object.entries(fieldErrors).map(([field, message]) => ({ message, targetId: FIELD_IDS[field as keyof typeof FIELD_IDS] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <Section title="Your hopes for the future" description="What would you like to do one day? There are no wrong answers, and you can add more at any time.">
      <PartProblem items={errors} what="hopes" />
      {aspirations && aspirations.length > 0 ? (
        <ul>
          {aspirations.map((aspiration) => (
            <li key={aspiration.id}>
              <p>{aspiration.text}</p>
              <p className="wm-muted">
                {aspiration.hashtags.length ? `${formatHashtags(aspiration.hashtags)} · ` : ''}
                {formatDay(aspiration.enteredAt, 'medium')}
              </p>
            </li>
          ))}
        </ul>
      ) : aspirations ? (
        <p>You have not written any hopes yet.</p>
      ) : null}
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Your hopes">
        <TextAreaField
          id={FIELD_IDS.text}
          label="What would you like to do in the future?"
          hint='For example: "work with animals" or "design computer games"'
          value={text}
          error={fieldErrors.text}
          onChange={(event) => setText(event.target.value)}
        />
        <Field
          id={FIELD_IDS.hashtags}
          label="Hashtags (optional)"
          hint="Single words that sum it up, separated by spaces, for example: #animals #science"
          autoComplete="off"
          value={tags}
          error={fieldErrors.hashtags}
          onChange={(event) => setTags(event.target.value)}
        />
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save my hope'}
          </Button>
          <span role="status" className="wm-muted">
            {status}
          </span>
        </div>
      </form>
    </Section>
  );
}
