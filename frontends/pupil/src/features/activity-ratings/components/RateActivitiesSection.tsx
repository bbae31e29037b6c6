import { request, useQuery } from '@waymark/graphql-client';
import { Button, DateText, ErrorPanel, Loading, RatingRadios, Section, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { MY_ENCOUNTER_RATINGS_QUERY, RATE_ENCOUNTER_MUTATION, type MyEncounterRatings, type RateableEncounter } from '../graphql/activityRatings';

/**
 * "Rate your activities" on My journey: one tap to say how useful an activity was, and an optional
 * line on what the pupil learned. The school reads the answers (without names) to improve its programme.
 */
export function RateActivitiesSection() {
  const query = useQuery(MY_ENCOUNTER_RATINGS_QUERY);
  const data = query.data?.myEncounterRatings ?? null;
  const shown = (data?.encounters ?? []).filter((entry) => entry.canChange || entry.rating !== null);
  return (
    <Section
      title="Rate your activities"
      headingId="rate-activities"
      description="How useful was each activity you went to? Your school uses your answers to make its careers activities better. Your teachers see what you say, but not who said it. You can change your answer for 30 days after the activity."
    >
      {query.loading && !data ? <Loading label="Loading your activities…" /> : null}
      {query.error && !data ? (
        <ErrorPanel title="Your activities could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {data && shown.length === 0 ? <p className="wm-muted">There is nothing to rate yet. Activities you go to will show up here afterwards.</p> : null}
      {data && shown.length > 0 ? (
        <ul className="wm-card-list">
          {shown.map((entry) => (
            <RatingCard key={entry.encounter.id} entry={entry} scale={data} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function RatingCard({ entry, scale }: { entry: RateableEncounter; scale: MyEncounterRatings }) {
  const [rating, setRating] = useState<number | null>(entry.rating ?? null);
  const [learned, setLearned] = useState(entry.learned ?? '');
  const [saved, setSaved] = useState<{ rating: number; learned: string | null } | null>(
    entry.rating ? { rating: entry.rating, learned: entry.learned ?? null } : null,
  );
  const [problems, setProblems] = useState<{ rating?: string; learned?: string; other?: string }>({});
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const { encounter } = entry;
  const id = `rating-${encounter.id}`;
  const labelOf = (value: number) => scale.options.find((option) => option.value === value)?.label ?? String(value);

  if (!entry.canChange) {
    return (
      <li>
        <h3>{encounter.title}</h3>
        <p className="wm-muted">
          <DateText value={encounter.date} />
        </p>
        <p>You said: {saved ? labelOf(saved.rating) : 'no answer'}</p>
        {saved?.learned ? <p className="wm-reflection">{saved.learned}</p> : null}
      </li>
    );
  }

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setJustSaved(false);
    if (rating === null) {
      setProblems({ rating: 'Choose how useful it was' });
      document.getElementById(id)?.focus();
      return;
    }
    if (learned.trim().length > scale.learnedMaxLength) {
      setProblems({ learned: `Keep what you learned to ${scale.learnedMaxLength} characters or fewer` });
      document.getElementById(`${id}-learned`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = (await request(RATE_ENCOUNTER_MUTATION, { input: { encounterId: encounter.id, rating, learned: learned.trim() || null } })).rateEncounter;
      if (result.error) {
        const byField = Object.fromEntries(result.error.fields.map((f) => [f.field, f.message]));
        setProblems({ rating: byField.rating, learned: byField.learned, other: byField.rating || byField.learned ? undefined : result.error.message });
      } else {
        setProblems({});
        setSaved({ rating, learned: learned.trim() || null });
        setJustSaved(true);
      }
    } catch (error) {
      setProblems({ other: error instanceof Error ? error.message : 'Your rating was not saved. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <h3>{encounter.title}</h3>
      <p className="wm-muted">
        <DateText value={encounter.date} />
      </p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={`Rate ${encounter.title}`}>
        <RatingRadios
          id={id}
          name={id}
          legend={`How useful was “${encounter.title}”?`}
          options={scale.options}
          value={rating}
          onChange={setRating}
          error={problems.rating}
        />
        <TextAreaField
          id={`${id}-learned`}
          label="What did you learn? (optional)"
          hint={`Up to ${scale.learnedMaxLength} characters. For example, something new about a job or a course.`}
          value={learned}
          maxLength={scale.learnedMaxLength}
          rows={2}
          error={problems.learned}
          onChange={(event) => setLearned(event.target.value)}
        />
        {problems.other ? (
          <p className="wm-field__error" role="alert">
            {problems.other}
          </p>
        ) : null}
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Saving…' : saved ? 'Change my rating' : 'Save my rating'}
            <span className="wm-visually-hidden"> for {encounter.title}</span>
          </Button>
        </div>
        <p role="status" className="wm-muted">
          {justSaved && saved ? (
            <>
              Thanks! You said “{labelOf(saved.rating)}”. You can change it until <DateText value={entry.changeUntil} />.
            </>
          ) : null}
        </p>
      </form>
    </li>
  );
}
