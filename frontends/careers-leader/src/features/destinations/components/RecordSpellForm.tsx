import { Button, Checkbox, ErrorSummary, Field, Notice, SelectField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { EducationProviderKind, RecordActivitySpellInput, SpellActivity, SpellSource } from '../graphql/destinations';
import type { SaveProblem } from '../hooks/useDestinations';
import {
  ACTIVITY_OPTIONS,
  EMPTY_SPELL,
  LEVEL_OPTIONS,
  PROVIDER_KIND_OPTIONS,
  SOURCE_OPTIONS,
  toRecordActivitySpellInput,
  validateSpell,
  type SpellDraft,
} from '../lib/spellDraft';

const FIELD_IDS: Record<Exclude<keyof SpellDraft, 'source' | 'confirmed'>, string> = {
  activity: 'spell-activity',
  providerKind: 'spell-provider-kind',
  apprenticeshipLevel: 'spell-level',
  provider: 'spell-provider',
  startsOn: 'spell-starts',
  endsOn: 'spell-ends',
};

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
        <SelectField
          id={FIELD_IDS.activity}
          label="What were they doing?"
          placeholder="Choose one"
          options={ACTIVITY_OPTIONS}
          value={draft.activity}
          error={fieldErrors.activity}
          onChange={(event) => set('activity', event.target.value as SpellActivity | '')}
        />
        {draft.activity === 'EDUCATION' ? (
          <SelectField
            id={FIELD_IDS.providerKind}
            label="Where do they study?"
            placeholder="Choose one"
            options={PROVIDER_KIND_OPTIONS}
            value={draft.providerKind}
            error={fieldErrors.providerKind}
            onChange={(event) => set('providerKind', event.target.value as EducationProviderKind | '')}
          />
        ) : null}
        {draft.activity === 'APPRENTICESHIP' ? (
          <SelectField
            id={FIELD_IDS.apprenticeshipLevel}
            label="Apprenticeship level"
            placeholder="Choose one"
            options={LEVEL_OPTIONS}
            value={draft.apprenticeshipLevel}
            error={fieldErrors.apprenticeshipLevel}
            onChange={(event) => set('apprenticeshipLevel', event.target.value)}
          />
        ) : null}
        <Field
          id={FIELD_IDS.provider}
          label="College, university, provider or employer (optional)"
          autoComplete="off"
          value={draft.provider}
          error={fieldErrors.provider}
          onChange={(event) => set('provider', event.target.value)}
        />
        <Field
          id={FIELD_IDS.startsOn}
          label="Started on"
          type="date"
          narrow
          value={draft.startsOn}
          error={fieldErrors.startsOn}
          onChange={(event) => set('startsOn', event.target.value)}
        />
        <Field
          id={FIELD_IDS.endsOn}
          label="Ended on (optional)"
          hint="Leave it empty if it is still going on."
          type="date"
          narrow
          value={draft.endsOn}
          error={fieldErrors.endsOn}
          onChange={(event) => set('endsOn', event.target.value)}
        />
        <SelectField
          id="spell-source"
          label="Who told you?"
          options={SOURCE_OPTIONS}
          value={draft.source}
          onChange={(event) => set('source', event.target.value as SpellSource)}
        />
        <div className="wm-field">
          <Checkbox
            label="Confirmed with the young person or their provider"
            checked={draft.confirmed}
            onChange={(event) => set('confirmed', event.target.checked)}
          />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record spell'}
        </Button>
      </form>
    </>
  );
}
