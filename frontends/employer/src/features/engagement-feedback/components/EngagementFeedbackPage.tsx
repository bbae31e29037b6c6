import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, DateText, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, SelectField, SummaryList, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { GiveEngagementFeedbackDocument, GivePupilFeedbackDocument, MyEngagementDocument, type MyEngagement } from '../graphql/engagementFeedback';

const RATINGS = [
  { value: '5', label: '5 – Very well organised' },
  { value: '4', label: '4 – Well organised' },
  { value: '3', label: '3 – Fine' },
  { value: '2', label: '2 – Some problems' },
  { value: '1', label: '1 – Poorly organised' },
];

type FieldName = 'groupFeedback' | 'organisationRating' | 'organisationFeedback';
const FIELD_IDS: Record<FieldName, string> = {
  groupFeedback: 'feedback-group',
  organisationRating: 'feedback-rating',
  organisationFeedback: 'feedback-organisation',
};

/** Field errors from a result, by the names this form knows; anything else as one problem. */
function fieldErrors<F extends string>(fields: readonly { field: string; message: string }[], known: readonly F[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) if ((known as readonly string[]).includes(field.field)) out[field.field as F] = field.message;
  return out;
}

function GroupAndSchoolForm({ engagement, onSaved }: { engagement: MyEngagement; onSaved: () => void }) {
  const mine = engagement.engagementFeedback[0] ?? null;
  const [groupFeedback, setGroupFeedback] = useState(mine?.groupFeedback ?? '');
  const [rating, setRating] = useState(mine?.organisationRating ? String(mine.organisationRating) : '');
  const [organisationFeedback, setOrganisationFeedback] = useState(mine?.organisationFeedback ?? '');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [give, state] = useMutation(GiveEngagementFeedbackDocument);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const result = await give({
      input: { encounterId: engagement.id, groupFeedback, organisationRating: rating === '' ? 0 : Number(rating), organisationFeedback },
    });
    const answer = result.data?.giveEngagementFeedback;
    if (!answer?.feedback) {
      const fields = fieldErrors(answer?.error?.fields ?? [], Object.keys(FIELD_IDS) as FieldName[]);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : (answer?.error?.message ?? result.error?.message ?? 'Your feedback could not be saved. Try again.'));
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
    ...(Object.entries(errors) as [FieldName, string][]).map(([field, message]) => ({ message, targetId: FIELD_IDS[field] })),
  ];

  return (
    <Section
      title="Your feedback"
      description="You can change it later. The school's staff read what you say about the pupils; only its careers leaders read what you say about the organisation."
    >
      {saved ? (
        <Notice title="Feedback saved" headingLevel={3}>
          Thank you. The school can now read it.
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={summary} />
      <form className="wm-form" noValidate aria-label="Your feedback" onSubmit={(event) => void submit(event)}>
        <TextAreaField
          id={FIELD_IDS.groupFeedback}
          label="How did the pupils do, as a group?"
          hint="What went well, and what they could work on. Up to 2,000 characters."
          value={groupFeedback}
          error={errors.groupFeedback}
          onChange={(e) => setGroupFeedback(e.target.value)}
        />
        <SelectField
          id={FIELD_IDS.organisationRating}
          label="How well did the school organise it?"
          placeholder="Choose a rating"
          options={RATINGS}
          value={rating}
          error={errors.organisationRating}
          onChange={(e) => setRating(e.target.value)}
        />
        <TextAreaField
          id={FIELD_IDS.organisationFeedback}
          label="What worked, and what would help next time?"
          hint="Only the school's careers leaders read this. Up to 2,000 characters."
          value={organisationFeedback}
          error={errors.organisationFeedback}
          onChange={(e) => setOrganisationFeedback(e.target.value)}
        />
        <Button type="submit" disabled={state.loading}>
          {state.loading ? 'Saving…' : 'Save feedback'}
        </Button>
      </form>
    </Section>
  );
}

function PupilFeedbackForm({ engagement, onSaved }: { engagement: MyEngagement; onSaved: () => void }) {
  const pupils = engagement.feedbackPupils ?? [];
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(pupils.map((p) => [p.participationId, p.feedback ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [give, state] = useMutation(GivePupilFeedbackDocument);
  const idOf = (participationId: string) => `pupil-feedback-${participationId}`;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    // Only the pupils the volunteer wrote something for (or wrote for before) are sent.
    const entries = pupils
      .filter((p) => (texts[p.participationId] ?? '').trim() !== '' || p.feedback !== null)
      .map((p) => ({ participationId: p.participationId, text: texts[p.participationId] ?? '' }));
    const result = await give({ input: { encounterId: engagement.id, feedback: entries } });
    const answer = result.data?.givePupilFeedback;
    if (!answer?.pupils) {
      const byPupil: Record<string, string> = {};
      for (const field of answer?.error?.fields ?? []) {
        const match = /^feedback\.(\d+)\./.exec(field.field);
        if (match) byPupil[entries[Number(match[1])].participationId] = field.message;
      }
      setErrors(byPupil);
      setProblem(Object.keys(byPupil).length > 0 ? null : (answer?.error?.message ?? result.error?.message ?? 'Your feedback could not be saved. Try again.'));
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
    ...Object.entries(errors).map(([participationId, message]) => ({ message, targetId: idOf(participationId) })),
  ];

  return (
    <Section
      title="Feedback for each pupil"
      description="Each pupil reads what you write for them, and so do their school's staff. You only see pupils' first names and year groups."
    >
      {saved ? (
        <Notice title="Pupil feedback saved" headingLevel={3}>
          Each pupil can now read what you wrote for them.
        </Notice>
      ) : null}
      {pupils.length === 0 ? (
        <p>No pupils were marked as attending yet. The school records who came.</p>
      ) : (
        <>
          <ErrorSummary attempt={attempt} items={summary} />
          <form className="wm-form" noValidate aria-label="Feedback for each pupil" onSubmit={(event) => void submit(event)}>
            {pupils.map((p) => (
              <TextAreaField
                key={p.participationId}
                id={idOf(p.participationId)}
                label={p.yearGroup ? `${p.firstName}, Year ${p.yearGroup}` : p.firstName}
                hint="Leave it empty to write nothing for this pupil."
                value={texts[p.participationId] ?? ''}
                error={errors[p.participationId]}
                onChange={(e) => setTexts({ ...texts, [p.participationId]: e.target.value })}
              />
            ))}
            <Button type="submit" disabled={state.loading}>
              {state.loading ? 'Saving…' : 'Save pupil feedback'}
            </Button>
          </form>
        </>
      )}
    </Section>
  );
}

/** One engagement the volunteer delivered: the school's thanks, and their feedback on the pupils and the school. */
export function EngagementFeedbackPage({ engagementId, onBack }: { engagementId: string; onBack: () => void }) {
  const query = useQuery(MyEngagementDocument, { id: engagementId });
  const engagement = query.data?.myEngagement ?? null;
  const back = (
    <Button variant="secondary" onClick={onBack}>
      Back to my volunteering
    </Button>
  );

  if (!engagement) {
    return (
      <>
        <PageHeader title="Feedback" actions={back} />
        {query.loading ? <Loading label="Loading the encounter…" /> : null}
        {query.error ? (
          <ErrorPanel title="The encounter could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {!query.loading && !query.error ? <p>This is not an encounter you delivered.</p> : null}
      </>
    );
  }

  const thanks = engagement.volunteerThanks;
  const refetch = () => void query.refetch();
  return (
    <>
      <PageHeader title={`Feedback: ${engagement.title}`} caption={engagement.school?.name ?? undefined} actions={back} />
      <Section title="The encounter">
        <SummaryList
          items={[
            { term: 'What', value: engagement.kindLabel },
            { term: 'When', value: <DateText value={engagement.date} /> },
            { term: 'School', value: engagement.school?.name ?? 'Not recorded' },
            { term: 'Pupils who attended', value: String(engagement.attendedCount) },
          ]}
        />
      </Section>
      <Section title="Thanks from the school">
        {thanks.length === 0 ? (
          <p>The school has not sent a thank-you yet.</p>
        ) : (
          thanks.map((note, i) => (
            <p key={i} className="wm-inset">
              {note.message}
            </p>
          ))
        )}
      </Section>
      {engagement.canGiveFeedback ? (
        <>
          <GroupAndSchoolForm engagement={engagement} onSaved={refetch} />
          {engagement.feedbackPupils ? <PupilFeedbackForm engagement={engagement} onSaved={refetch} /> : null}
        </>
      ) : (
        <Section title="Your feedback">
          <p>You can give feedback once the encounter has happened.</p>
        </Section>
      )}
    </>
  );
}
