import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, Loading, Section, TextAreaField } from '@waymark/ui';
import { useState } from 'react';
import { AlumniAwaitingConfirmationDocument, DecideAlumnusDocument, type AwaitingAlumnus } from '../graphql/alumni';

/**
 * Former pupils who named this school when they signed up to volunteer: confirm each one who was a
 * pupil here (they can then volunteer with the school and be a role model to its pupils), or
 * decline with a message they will read. Loads and fails on its own, apart from the rest of the page.
 */
export function AlumniWaiting() {
  const query = useQuery(AlumniAwaitingConfirmationDocument);
  const alumni = query.data?.alumniAwaitingConfirmation ?? null;
  const [decided, setDecided] = useState<string | null>(null);
  const refresh = () => void query.refetch();
  return (
    <Section
      title="Former pupils waiting"
      description="People who signed up to volunteer and said they went to this school. Confirm the ones who were pupils here; they can then volunteer with you and be role models to your pupils."
    >
      {decided ? (
        <p role="status" className="wm-muted">
          {decided}
        </p>
      ) : null}
      {query.loading && !alumni ? <Loading label="Loading former pupils…" /> : null}
      {query.error ? (
        <ErrorPanel title="Former pupils could not be loaded" headingLevel={3} onRetry={refresh}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {alumni && alumni.length === 0 ? <p>No former pupils are waiting for you.</p> : null}
      {(alumni ?? []).map((alumnus) => (
        <AlumnusPanel
          key={alumnus.volunteerId}
          alumnus={alumnus}
          onDecided={(text) => {
            setDecided(text);
            refresh();
          }}
        />
      ))}
    </Section>
  );
}

function AlumnusPanel({ alumnus, onDecided }: { alumnus: AwaitingAlumnus; onDecided: (text: string) => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, state] = useMutation(DecideAlumnusDocument);
  const fieldId = `alumnus-message-${alumnus.volunteerId}`;

  const answer = async (confirm: boolean) => {
    if (!confirm && message.trim() === '') {
      setError('Write a message saying why you are declining');
      document.getElementById(fieldId)?.focus();
      return;
    }
    const result = await decide({ input: { volunteerId: alumnus.volunteerId, confirm, message: message.trim() || null } });
    if (!result.data?.decideAlumnus) {
      setError(result.error?.message ?? 'Your answer was not saved. Try again.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(null);
    onDecided(confirm ? `${alumnus.displayName} is confirmed as a former pupil.` : `${alumnus.displayName} has been told you declined.`);
  };

  return (
    <div className="wm-offer">
      <h3>{alumnus.displayName}</h3>
      <p>
        {alumnus.jobTitle}. Left school in {alumnus.leftSchoolYear ?? 'a year they did not give'}. They chose {alumnus.schoolNameGiven} from Waymark’s list of
        schools when they signed up.
      </p>
      <form className="wm-form" noValidate aria-label={`Answer ${alumnus.displayName}`} onSubmit={(event) => event.preventDefault()}>
        <TextAreaField
          id={fieldId}
          label="Your message to them (needed if you decline)"
          value={message}
          error={error ?? undefined}
          onChange={(event) => setMessage(event.target.value)}
        />
        <div className="wm-toolbar">
          <Button onClick={() => void answer(true)} disabled={state.loading}>
            Confirm
          </Button>
          <Button variant="secondary" onClick={() => void answer(false)} disabled={state.loading}>
            Decline
          </Button>
        </div>
      </form>
    </div>
  );
}
