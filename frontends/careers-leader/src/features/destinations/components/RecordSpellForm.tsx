import { Button, ErrorSummary, Notice } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { RecordActivitySpellInput } from '../graphql/destinations';
import type { SaveProblem } from '../hooks/useDestinations';
import { EMPTY_SPELL, toRecordActivitySpellInput, validateSpell, type SpellDraft } from '../lib/spellDraft';
import { SpellFields, spellFieldIds } from './SpellFields';

const FIELD_IDS = spellFieldIds('spell');

/** Records one spell (what a leaver did, from when to when) for the young person chosen. */
export function RecordSpellForm({ pupilId, onSave }: { pupilId: string; onSave: (input: RecordActivitySpellInput) => Promise<SaveProblem> }) {
  const [draft, setDraft] = useState<SpellDraft>(EMPTY_SPELL);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const set = <Key extends keyof SpellDraft>(key: Key, value: SpellDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSpell(draft);
    setFieldErrors(found);
    setServerProblem(null);
    setSaved(false);
    if (Object.keys(found).length) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const problem = await onSave(toRecordActivitySpellInput(pupilId, draft));
    setBusy(false);
    if (problem) {
      setFieldErrors(Object.fromEntries(problem.fields.filter((f) => f.field in FIELD_IDS).map((f) => [f.field, f.message])));
      setServerProblem(problem.fields.length ? null : problem.message);
      setAttempt((count) => count + 1);
      return;
    }
    setSaved(true);
    setDraft(EMPTY_SPELL);
  };

  const items = [
    ...Object.entries(fieldErrors).map(([field, message]) => ({ message: message ?? '', targetId: FIELD_IDS[field as keyof typeof FIELD_IDS] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <>
      <h3>Record a spell</h3>
      {saved ? (
        <Notice title="Spell recorded" headingLevel={3}>
          The destinations above now count it.
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Record a spell">
        <SpellFields
          draft={draft}
          set={set}
          errors={fieldErrors}
          ids={FIELD_IDS}
          activityLabel="What were they doing?"
          confirmedLabel="Confirmed with the young person or their provider"
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record spell'}
        </Button>
      </form>
    </>
  );
}
