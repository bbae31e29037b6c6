import { request } from '@waymark/graphql-client';
import { Button, formatNumber, Notice, PageHeader } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { takePendingInvite } from '../../../shared/pendingInvite';
import type { EncounterSummary } from '../../../shared/types';
import { INVITE_TO_ENCOUNTER_MUTATION } from '../../encounter/graphql/encounter';
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
  // Pupils a gap list sent here: invited to the encounter once it is recorded.
  const [invite] = useState(takePendingInvite);
  const recorded = (encounter: EncounterSummary) => {
    if (!invite) return onRecorded(encounter);
    // The encounter is saved either way; if the invitation fails, its page offers inviting again.
    void request(INVITE_TO_ENCOUNTER_MUTATION, { input: { encounterId: encounter.id, pupilIds: invite.pupilIds } })
      .catch(() => null)
      .finally(() => onRecorded(encounter));
  };
  const form = useEncounterForm(CREATE, recorded);
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
      {invite ? (
        <Notice title={`${formatNumber(invite.pupilIds.length)} ${invite.pupilIds.length === 1 ? 'pupil' : 'pupils'} to invite`} headingLevel={2}>
          The pupils on “{invite.from}” will be added to this encounter's register when you record it (not yet attended: mark who came on its page).
        </Notice>
      ) : null}
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
