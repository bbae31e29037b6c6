import { useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, Loading, PageHeader, Section } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { routeHref } from '../../../shared/route';
import type { EncounterSummary } from '../../../shared/types';
import { EDITABLE_ENCOUNTER_QUERY } from '../graphql/createEncounter';
import { useEncounterForm } from '../hooks/useEncounterForm';
import { draftFromEncounter, type EncounterDraft } from '../lib/encounterDraft';
import { EncounterFormSections } from './EncounterFormSections';
import { EncounterErrorSummary } from './ErrorSummary';

export interface EditEncounterPageProps {
  encounterId: string;
  onSaved: (encounter: EncounterSummary) => void;
}

/** Change an encounter already recorded; its register is changed on the encounter's own page. */
export function EditEncounterPage({ encounterId, onSaved }: EditEncounterPageProps) {
  const query = useQuery(EDITABLE_ENCOUNTER_QUERY, { id: encounterId });
  const encounter = query.data?.encounter ?? null;
  const back = (
    <a className="wm-back-link" href={routeHref({ view: 'encounter', encounterId })}>
      Back to the encounter
    </a>
  );

  if (!encounter) {
    return (
      <>
        {back}
        <PageHeader title="Edit encounter" />
        {query.loading ? <Loading label="Loading the encounter…" /> : null}
        {!query.loading && query.error ? (
          <ErrorPanel title="The encounter could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {!query.loading && !query.error ? (
          <Section title="No encounter to edit">
            <p>This encounter could not be found, or it is not one you can change.</p>
          </Section>
        ) : null}
      </>
    );
  }

  return (
    <>
      {back}
      <EditEncounterForm key={encounter.id} encounterId={encounter.id} initial={draftFromEncounter(encounter)} onSaved={onSaved} />
    </>
  );
}

function EditEncounterForm({
  encounterId,
  initial,
  onSaved,
}: {
  encounterId: string;
  initial: EncounterDraft;
  onSaved: (encounter: EncounterSummary) => void;
}) {
  const form = useEncounterForm({ mode: 'edit', encounterId, initial }, onSaved);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit();
    if (!saved) setAttempt((count) => count + 1);
  };

  return (
    <>
      <PageHeader
        title="Edit encounter"
        caption={initial.title}
        description="Change the details of this encounter. Pupils' benchmarks are worked out again from the changes."
      />
      <EncounterErrorSummary attempt={attempt} message={form.errorMessage} problems={form.problems} />
      <form noValidate onSubmit={(event) => void submit(event)} aria-label="Edit encounter">
        <EncounterFormSections form={form} />
        <div className="wm-button-row">
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? 'Saving…' : 'Save changes'}
          </Button>
          <a href={routeHref({ view: 'encounter', encounterId })}>Cancel</a>
        </div>
      </form>
    </>
  );
}
