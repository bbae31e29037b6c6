import { todayInEngland } from '@waymark/domain';
import { Button, ErrorSummary, Field, Notice, Section } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { GroupReflectionResult } from '../graphql/encounter';
import type { ActionOutcome } from '../hooks/useEncounter';

export interface GroupReflectionSectionProps {
  /** Pupils who attended, and how many of them already have the group's reflection time. */
  attended: number;
  recorded: number;
  onRecord: (on: string) => Promise<ActionOutcome<GroupReflectionResult>>;
}

const DAY_ID = 'group-reflection-day';

/**
 * Reflection time the school gave the group (in tutor time, say), recorded once for everyone who
 * attended: it meets the reflection point of the checklist for each of them, as schools run it.
 */
export function GroupReflectionSection({ attended, recorded, onRecord }: GroupReflectionSectionProps) {
  const [day, setDay] = useState(() => todayInEngland());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; field?: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const result = await onRecord(day);
    setBusy(false);
    if (result.ok) {
      const count = result.result.recorded;
      setOutcome({ ok: true, text: count === 1 ? 'Recorded for 1 pupil.' : `Recorded for ${count} pupils.` });
    } else {
      setOutcome({ ok: false, text: result.message, field: result.error?.fields.some((field) => field.field === 'on') });
      setAttempt((count) => count + 1);
    }
  };

  const waiting = attended - recorded;
  return (
    <Section
      title="Reflection time"
      description="Did the group have time to think about what they learned, for example in tutor time? Record it once and it counts as the reflection for every pupil who attended. Pupils can still write their own reflection too."
    >
      <p>
        {attended === 0
          ? 'Mark who attended first: reflection time is recorded for the pupils who attended.'
          : waiting === 0
            ? 'Reflection time is recorded for everyone who attended.'
            : `${waiting} of ${attended} pupils who attended have no reflection time recorded yet.`}
      </p>
      {outcome?.ok ? (
        <Notice title="Reflection time recorded" headingLevel={3}>
          {outcome.text}
        </Notice>
      ) : null}
      <ErrorSummary items={outcome && !outcome.ok ? [{ message: outcome.text, targetId: outcome.field ? DAY_ID : undefined }] : []} attempt={attempt} />
      {attended > 0 && waiting > 0 ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-label="Record reflection time">
          <Field
            id={DAY_ID}
            label="Day of the reflection time"
            type="date"
            narrow
            value={day}
            error={outcome && !outcome.ok && outcome.field ? outcome.text : undefined}
            onChange={(event) => setDay(event.target.value)}
          />
          <Button type="submit" disabled={busy}>
            {busy ? 'Recording…' : 'Record reflection time for everyone who attended'}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
