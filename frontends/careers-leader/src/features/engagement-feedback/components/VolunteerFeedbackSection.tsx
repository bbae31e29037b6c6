import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, ErrorSummary, Loading, Notice, Section, SelectField, SummaryList, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { EncounterVolunteerFeedbackDocument, ThankVolunteerDocument, type EncounterVolunteerFeedback } from '../graphql/volunteerFeedback';

const RATINGS = [
  { value: '5', label: '5 – Excellent' },
  { value: '4', label: '4 – Good' },
  { value: '3', label: '3 – Fine' },
  { value: '2', label: '2 – Some problems' },
  { value: '1', label: '1 – Poor' },
];

type Volunteer = EncounterVolunteerFeedback['volunteers'][number];
type Thanks = EncounterVolunteerFeedback['volunteerThanks'][number];

function ThankForm({ encounterId, volunteer, thanks, onSaved }: { encounterId: string; volunteer: Volunteer; thanks: Thanks | null; onSaved: () => void }) {
  const [message, setMessage] = useState(thanks?.message ?? '');
  const [rating, setRating] = useState(thanks?.rating ? String(thanks.rating) : '');
  const [errors, setErrors] = useState<{ message?: string; rating?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [thank, state] = useMutation(ThankVolunteerDocument);
  const ids = { message: `thanks-message-${volunteer.id}`, rating: `thanks-rating-${volunteer.id}` };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const result = await thank({ input: { encounterId, volunteerId: volunteer.id, message, rating: rating === '' ? 0 : Number(rating) } });
    const answer = result.data?.thankVolunteer;
    if (!answer?.thanks) {
      const fields: { message?: string; rating?: string } = {};
      for (const field of answer?.error?.fields ?? []) if (field.field === 'message' || field.field === 'rating') fields[field.field] = field.message;
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : (answer?.error?.message ?? result.error?.message ?? 'The thanks could not be sent. Try again.'));
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    setProblem(null);
    setSaved(true);
    onSaved();
  };

  const summary = [
    ...(problem ? [{ message: problem }] : []),
    ...(errors.message ? [{ message: errors.message, targetId: ids.message }] : []),
    ...(errors.rating ? [{ message: errors.rating, targetId: ids.rating }] : []),
  ];
  return (
    <>
      {saved ? (
        <Notice title="Thanks sent" headingLevel={3}>
          {`${volunteer.displayName} can now read your message.`}
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={summary} />
      <form className="wm-form" noValidate aria-label={`Thank ${volunteer.displayName}`} onSubmit={(event) => void submit(event)}>
        <TextAreaField
          id={ids.message}
          label={`Your message to ${volunteer.displayName}`}
          hint="They read it in their volunteering portal. Up to 1,000 characters."
          value={message}
          error={errors.message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <SelectField
          id={ids.rating}
          label="How did it go?"
          hint="For your school's records. The volunteer does not see it here, but it is part of their data if they ask for a copy."
          placeholder="Choose a rating"
          options={RATINGS}
          value={rating}
          error={errors.rating}
          onChange={(e) => setRating(e.target.value)}
        />
        <Button type="submit" disabled={state.loading}>
          {state.loading ? 'Sending…' : thanks ? 'Change thanks' : 'Send thanks'}
        </Button>
      </form>
    </>
  );
}

/** The encounter page's volunteers: what each said about the pupils and the school, and the school's thanks to them. */
export function VolunteerFeedbackSection({ encounterId }: { encounterId: string }) {
  const query = useQuery(EncounterVolunteerFeedbackDocument, { id: encounterId });
  const encounter = query.data?.encounter ?? null;

  if (!encounter) {
    return (
      <Section title="Volunteers' feedback and thanks">
        {query.loading ? <Loading label="Loading the volunteers' feedback…" /> : null}
        {query.error ? (
          <ErrorPanel title="The volunteers' feedback could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
      </Section>
    );
  }
  if (encounter.volunteers.length === 0) return null;

  return (
    <Section
      title="Volunteers' feedback and thanks"
      description="What the volunteers who delivered this said afterwards. Thank each of them: employers tell us they rarely hear back."
    >
      {encounter.volunteers.map((volunteer) => {
        const feedback = encounter.engagementFeedback.find((row) => row.volunteer?.id === volunteer.id) ?? null;
        const thanks = encounter.volunteerThanks.find((row) => row.volunteer?.id === volunteer.id) ?? null;
        return (
          <div key={volunteer.id} className="wm-inset">
            <h3>{volunteer.displayName}</h3>
            {feedback ? (
              <SummaryList
                items={[
                  { term: 'On the pupils', value: feedback.groupFeedback },
                  ...(feedback.organisationRating != null
                    ? [{ term: 'How the school organised it', value: `${feedback.organisationRating} out of 5. ${feedback.organisationFeedback ?? ''}` }]
                    : []),
                ]}
              />
            ) : (
              <p>No feedback from {volunteer.displayName} yet.</p>
            )}
            {encounter.canThankVolunteers ? (
              <ThankForm encounterId={encounter.id} volunteer={volunteer} thanks={thanks} onSaved={() => void query.refetch()} />
            ) : thanks ? (
              <p>
                Thanked: “{thanks.message}”{thanks.rating != null ? ` (rated ${thanks.rating} out of 5)` : ''}
              </p>
            ) : (
              <p>Not thanked yet. A careers leader can thank them once it has happened.</p>
            )}
          </div>
        );
      })}
    </Section>
  );
}
