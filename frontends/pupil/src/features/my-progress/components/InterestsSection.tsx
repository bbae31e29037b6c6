import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, Checkbox, Field, formatHashtags, parseHashtags, Section } from '@waymark/ui';
import { useEffect, useOptimistic, useState, useTransition, type SubmitEvent } from 'react';
import { PartProblem } from './PartProblem';

export interface InterestsSectionProps {
  interests: string[] | null;
  considering: boolean | null;
  errors: readonly GraphQLErrorItem[];
  onSaveInterests: (hashtags: string[]) => Promise<string | null>;
  onConsideringChange: (considering: boolean) => Promise<string | null>;
}

/** The topics the pupil follows (they pick which upcoming activities they see) and whether they are thinking about university. */
export function InterestsSection({ interests, considering, errors, onSaveInterests, onConsideringChange }: InterestsSectionProps) {
  const [text, setText] = useState(formatHashtags(interests ?? []));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [heStatus, setHeStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shownConsidering, setShownConsidering] = useOptimistic(considering);
  const [, startTransition] = useTransition();
  const saved = formatHashtags(interests ?? []);
  useEffect(() => setText(saved), [saved]);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const tags = parseHashtags(text);
    const problem = await onSaveInterests(tags);
    setBusy(false);
    setStatus(
      problem
        ? { ok: false, text: problem }
        : { ok: true, text: tags.length ? `Saved: ${formatHashtags(tags)}` : 'Saved: you follow no topics, so you see everything for your year group.' },
    );
  };

  return (
    <Section title="Your interests" description="Follow topics to see the activities coming up that match them.">
      <PartProblem items={errors} what="interests" />
      {interests ? (
        <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Your interests">
          <Field
            id="interests"
            label="Topics you are interested in"
            hint="Separate them with spaces or commas, for example: #engineering #nhs #law"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="wm-button-row">
            <Button type="submit" disabled={busy}>
              Save interests
            </Button>
            <span role="status" className={status && !status.ok ? 'wm-field__error' : 'wm-muted'}>
              {status?.text}
            </span>
          </div>
        </form>
      ) : null}
      {considering != null ? (
        <div className="wm-field">
          <Checkbox
            label="I am thinking about going to university or another higher education course"
            checked={shownConsidering ?? false}
            onChange={(event) => {
              const value = event.target.checked;
              startTransition(async () => {
                setShownConsidering(value);
                const problem = await onConsideringChange(value);
                setHeStatus(problem ? { ok: false, text: problem } : { ok: true, text: value ? 'Saved. Visiting universities will count for you.' : 'Saved.' });
              });
            }}
          />
          <p role="status" className={heStatus && !heStatus.ok ? 'wm-field__error' : 'wm-muted'}>
            {heStatus?.text}
          </p>
        </div>
      ) : null}
    </Section>
  );
}
