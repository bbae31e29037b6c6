import { reflectionProblem } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, DateText, Section, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { ReflectableParticipation } from '../graphql/myProgress';
import { reflectedOn, waitingForReflection } from '../lib/progress';
import { PartProblem } from './PartProblem';
import { PROGRESS_SECTION_IDS } from '../../../shared/route';

export interface ReflectionsSectionProps {
  participations: ReflectableParticipation[] | null;
  errors: readonly GraphQLErrorItem[];
  onSave: (participationId: string, reflection: string) => Promise<string | null>;
}

/** Reflections on the activities the pupil went to: an activity only counts once they have reflected on it. */
export function ReflectionsSection({ participations, errors, onSave }: ReflectionsSectionProps) {
  const waiting = waitingForReflection(participations ?? [], new Date());
  const done = reflectedOn(participations ?? []);
  return (
    <Section
      title="Your reflections"
      headingId={PROGRESS_SECTION_IDS.reflections}
      description="What did you learn, and has it changed what you might do next? An activity counts towards your benchmarks once you have reflected on it."
    >
      <PartProblem items={errors} what="activities" />
      {participations ? (
        <>
          <h3>Waiting for your reflection ({waiting.length})</h3>
          {waiting.length ? (
            <ul className="wm-card-list">
              {waiting.map((entry) => (
                <ReflectionCard key={entry.id} entry={entry} onSave={onSave} />
              ))}
            </ul>
          ) : (
            <p className="wm-muted">You have reflected on everything you went to.</p>
          )}
          {done.length ? (
            <>
              <h3>Reflections you have written ({done.length})</h3>
              <ul className="wm-card-list">
                {done.map((entry) => (
                  <ReflectionCard key={entry.id} entry={entry} onSave={onSave} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

function ReflectionCard({ entry, onSave }: { entry: ReflectableParticipation; onSave: ReflectionsSectionProps['onSave'] }) {
  const [editing, setEditing] = useState(!entry.reflection);
  const [text, setText] = useState(entry.reflection ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const encounter = entry.encounter!;
  const fieldId = `reflection-${entry.id}`;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The same rule the API runs on a reflection.
    const invalid = reflectionProblem(text);
    if (invalid) {
      setError(invalid);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setBusy(true);
    const problem = await onSave(entry.id, text.trim());
    setBusy(false);
    setError(problem);
    if (!problem) setEditing(false);
  };

  return (
    <li>
      <h4>{encounter.title}</h4>
      <p className="wm-muted">
        {encounter.kindLabel}, <DateText value={encounter.date} />
      </p>
      {editing ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-label={`Reflection on ${encounter.title}`}>
          <TextAreaField
            id={fieldId}
            label={`Your reflection on “${encounter.title}”`}
            hint="For example: what surprised you, what you would like to find out more about."
            value={text}
            error={error}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="wm-button-row">
            <Button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save reflection'}
            </Button>
            {entry.reflection ? (
              <Button variant="secondary" disabled={busy} onClick={() => setEditing(false)}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      ) : (
        <>
          <p className="wm-reflection">{entry.reflection}</p>
          <Button variant="secondary" className="wm-button--small" onClick={() => setEditing(true)}>
            Change reflection<span className="wm-visually-hidden"> on {encounter.title}</span>
          </Button>
        </>
      )}
    </li>
  );
}
