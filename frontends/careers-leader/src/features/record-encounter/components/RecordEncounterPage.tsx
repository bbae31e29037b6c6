import { Button, PageHeader, Section } from '@waymark/ui';
import { useRef, type FormEvent } from 'react';
import type { EncounterSummary } from '../../../shared/types';
import { useRecordEncounterForm } from '../hooks/useRecordEncounterForm';
import { useRegister } from '../hooks/useRegister';
import { EncounterDetailsFields } from './EncounterDetailsFields';
import { ErrorSummary } from './ErrorSummary';
import { RegisterSection } from './RegisterSection';

export interface RecordEncounterPageProps {
  onRecorded: (encounter: EncounterSummary) => void;
}

export function RecordEncounterPage({ onRecorded }: RecordEncounterPageProps) {
  const form = useRecordEncounterForm(onRecorded);
  const register = useRegister(form.draft.yearGroups);
  const summaryRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const recorded = await form.submit(register);
    // The summary renders on the state update; focus it on the next frame so screen readers hear it.
    if (!recorded) requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return (
    <>
      <PageHeader
        title="Record an encounter"
        description="Record a careers activity and who attended it. It then counts towards each pupil's Gatsby benchmarks."
      />
      <ErrorSummary ref={summaryRef} message={form.errorMessage} problems={form.problems} />
      <form noValidate onSubmit={submit} aria-label="Record an encounter">
        <Section title="About the encounter">
          <EncounterDetailsFields
            draft={form.draft}
            errors={form.fieldErrors}
            onChange={form.update}
            onToggleYearGroup={form.toggleYearGroup}
          />
        </Section>
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
