import { useMutation, useQuery } from '@waymark/graphql-client';
import { formatDay, todayInEngland } from '@waymark/domain';
import { Button, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, SummaryList, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { CompletePlacementDocument, MyPlacementsDocument, type MyPlacement } from '../graphql/placements';
import { OfferPlacementForm } from './OfferPlacementForm';

const when = (from: string, to: string) => (from === to ? formatDay(from, 'long') : `${formatDay(from, 'long')} to ${formatDay(to, 'long')}`);
const years = (list: readonly number[]) => list.map((y) => `Year ${y}`).join(', ');

/** The volunteer's placements: offering one, who is coming, and marking one done with feedback for each pupil. */
export function PlacementsPage() {
  const query = useQuery(MyPlacementsDocument);
  const placements = query.data?.myPlacements ?? null;
  return (
    <>
      <PageHeader
        title="Work experience placements"
        description="Offer placements to the schools you work with, see who is coming, and give feedback when they are done."
      />
      <OfferPlacementForm onOffered={() => void query.refetch()} />
      {query.loading && !placements ? <Loading label="Loading your placements…" /> : null}
      {query.error ? (
        <ErrorPanel title="Your placements could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {placements && placements.length === 0 ? (
        <Section title="Your placements">
          <p>You have not offered a placement yet.</p>
        </Section>
      ) : null}
      {(placements ?? []).map((placement) => (
        <PlacementCard key={placement.id} placement={placement} onChanged={() => void query.refetch()} />
      ))}
    </>
  );
}

function PlacementCard({ placement, onChanged }: { placement: MyPlacement; onChanged: () => void }) {
  const pupils = placement.applications;
  // From its last day it can be marked as done (the service's rule).
  const over = placement.dateTo <= todayInEngland();
  return (
    <Section title={placement.title} description={placement.tasks}>
      <SummaryList
        items={[
          { term: 'When', value: when(placement.dateFrom, placement.dateTo) },
          {
            term: 'Hours',
            value: `${placement.hoursPerDay} a day, ${placement.days} working ${placement.days === 1 ? 'day' : 'days'} (${placement.totalHours} hours)`,
          },
          { term: 'Year groups', value: years(placement.yearGroups) },
          { term: 'Schools', value: placement.schools.map((s) => s.name).join(', ') },
          { term: 'Places', value: `${placement.capacity} (${placement.placesLeft} left)` },
          { term: 'Status', value: placement.status === 'COMPLETED' ? 'Done' : placement.status === 'WITHDRAWN' ? 'Withdrawn' : 'Open' },
        ]}
      />
      <h3>Pupils coming</h3>
      {pupils.length === 0 ? (
        <p>No pupils approved yet. Schools approve their own pupils; you will see them here.</p>
      ) : (
        <ul>
          {pupils.map((pupil) => (
            <li key={pupil.id}>
              {pupil.firstName}, Year {pupil.yearGroup}
              {pupil.feedback ? ` (your feedback: ${pupil.feedback})` : ''}
            </li>
          ))}
        </ul>
      )}
      {placement.status === 'OPEN' && over ? <CompleteForm placement={placement} onDone={onChanged} /> : null}
      {placement.status === 'OPEN' && !over ? <p>You can mark it as done after its last day.</p> : null}
    </Section>
  );
}

function CompleteForm({ placement, onDone }: { placement: MyPlacement; onDone: () => void }) {
  const [feedback, setFeedback] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<{ message: string; targetId?: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [complete, state] = useMutation(CompletePlacementDocument);
  const approved = placement.applications.filter((a) => a.status === 'APPROVED');
  const fieldId = (applicationId: string) => `feedback-${applicationId}`;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entries = approved.filter((a) => (feedback[a.id] ?? '').trim() !== '').map((a) => ({ applicationId: a.id, feedback: feedback[a.id] }));
    const result = await complete({ input: { placementId: placement.id, feedback: entries } });
    const answer = result.data?.completePlacement;
    if (!answer?.placement) {
      const fields = answer?.error?.fields ?? [];
      setErrors(
        fields.length > 0
          ? fields.map((f) => ({ message: f.message, targetId: fieldId(entries[Number(f.field.split('.')[1])]?.applicationId ?? '') }))
          : [{ message: answer?.error?.message ?? result.error?.message ?? 'The placement could not be marked as done. Try again.' }],
      );
      setAttempt((count) => count + 1);
      return;
    }
    setErrors([]);
    onDone();
  };

  return (
    <>
      <Notice title="This placement has reached its last day" headingLevel={3}>
        Mark it as done so it counts as work experience on each pupil's record. Feedback is optional; each pupil reads their own.
      </Notice>
      <ErrorSummary attempt={attempt} items={errors} />
      <form className="wm-form" noValidate aria-label={`Mark ${placement.title} as done`} onSubmit={(event) => void submit(event)}>
        {approved.map((pupil) => (
          <TextAreaField
            key={pupil.id}
            id={fieldId(pupil.id)}
            label={`Feedback for ${pupil.firstName} (optional)`}
            value={feedback[pupil.id] ?? ''}
            error={errors.find((e) => e.targetId === fieldId(pupil.id))?.message}
            onChange={(e) => setFeedback({ ...feedback, [pupil.id]: e.target.value })}
          />
        ))}
        <Button type="submit" disabled={state.loading}>
          {state.loading ? 'Saving…' : 'Mark as done'}
        </Button>
      </form>
    </>
  );
}
