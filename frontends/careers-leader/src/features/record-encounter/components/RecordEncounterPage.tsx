import { Button, PageHeader } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { EncounterSummary } from '../../../shared/types';
import { useEncounterForm } from '../hooks/useEncounterForm';
import { useRegister } from '../hooks/useRegister';
import { EncounterFormSections } from './EncounterFormSections';
import { EncounterErrorSummary } from './ErrorSummary';
import { RegisterSection } from './RegisterSection';

export interface RecordEncounterPageProps {
  onRecorded: (encounter: EncounterSummary) => void;
}

const CREATE = { mode: 'create' } as const;

export function RecordEncounterPage({ onRecorded }: RecordEncounterPageProps) {
  const form = useEncounterForm(CREATE, onRecorded);
  const register = useRegister(form.draft.yearGroups);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const recorded = await form.submit(register);
    if (!recorded) setAttempt((count) => count + 1);
  };

  return (
    <>
      <PageHeader
        title="Record an encounter"
        description="Record a careers activity and who attended it. It then counts towards each pupil's Gatsby benchmarks. You can also record it now and invite pupils from its page afterwards."
      />
      <EncounterErrorSummary attempt={attempt} message={form.errorMessage} problems={form.problems} />
      <form noValidate onSubmit={(event) => void submit(event)} aria-label="Record an encounter">
        <EncounterFormSections form={form} />
        <RegisterSection yearGroups={form.draft.yearGroups} register={register} error={form.fieldErrors.register} />
        <div className="wm-button-row">
          <Button type="submit" disabled={form.submitting}>
            {form.submitting ? 'Recording…' : 'Record encounter'}
          </Button>
        </div>
      </form>
    </>
  );
}
