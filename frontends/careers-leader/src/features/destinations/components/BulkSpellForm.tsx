import { request } from '@waymark/graphql-client';
import { Button, Checkbox, ErrorSummary, Field, Fieldset, SelectField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { EducationProviderKind, FollowUpEntry, SpellActivity, SpellSource } from '../graphql/destinations';
import { RECORD_ACTIVITY_SPELLS_MUTATION } from '../graphql/spellBulk';
import { namedProblems } from '../lib/bulkChoice';
import {
  ACTIVITY_OPTIONS,
  EMPTY_SPELL,
  LEVEL_OPTIONS,
  PROVIDER_KIND_OPTIONS,
  SOURCE_OPTIONS,
  toRecordActivitySpellsInput,
  validateSpell,
  type SpellDraft,
} from '../lib/spellDraft';

const FIELD_IDS: Record<Exclude<keyof SpellDraft, 'source' | 'confirmed'>, string> = {
  activity: 'bulk-spell-activity',
  providerKind: 'bulk-spell-provider-kind',
  apprenticeshipLevel: 'bulk-spell-level',
  provider: 'bulk-spell-provider',
  startsOn: 'bulk-spell-starts',
  endsOn: 'bulk-spell-ends',
};

/** The id of a leaver's checkbox on the worklist, so a problem with them can be followed to it. */
export const chooseId = (pupilId: string) => `worklist-choose-${pupilId}`;
/** Where the summary sends "choose at least one leaver". */
export const CHOICE_ID = 'worklist-choice';

/**
 * One status (a spell) for every leaver chosen on the worklist: all are recorded, or none, and each
 * leaver it cannot be recorded for is named. `onRecorded` reloads the list before the form says so.
 */
export function BulkSpellForm({
  entries,
  chosen,
  status,
  onRecorded,
}: {
  entries: readonly FollowUpEntry[];
  chosen: readonly string[];
  /** Said (role="status") once the list shows what was recorded. */
  status: string | null;
  onRecorded: (count: number) => Promise<void>;
}) {
  const [draft, setDraft] = useState<SpellDraft>(EMPTY_SPELL);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [problems, setProblems] = useState<{ message: string; targetId?: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const set = <Key extends keyof SpellDraft>(key: Key, value: SpellDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const fail = (fields: Partial<Record<string, string>>, others: { message: string; targetId?: string }[]) => {
    setFieldErrors(fields);
    setProblems(others);
    setAttempt((count) => count + 1);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSpell(draft);
    const none = chosen.length === 0 ? [{ message: 'Choose at least one leaver in the list above', targetId: CHOICE_ID }] : [];
    if (Object.keys(found).length > 0 || none.length > 0) return fail(found, none);
    setFieldErrors({});
    setProblems([]);
    setBusy(true);
    try {
      const { recordActivitySpells: answer } = await request(RECORD_ACTIVITY_SPELLS_MUTATION, { input: toRecordActivitySpellsInput(chosen, draft) });
      if (answer.error) {
        const fields = Object.fromEntries(answer.error.fields.filter((f) => f.field in FIELD_IDS).map((f) => [f.field, f.message]));
        const named = namedProblems(entries, answer.problems).map((message, i) => ({ message, targetId: chooseId(answer.problems[i].pupilId) }));
        return fail(
          fields,
          named.length > 0 ? [{ message: answer.error.message }, ...named] : Object.keys(fields).length ? [] : [{ message: answer.error.message }],
        );
      }
      setDraft(EMPTY_SPELL);
      await onRecorded(answer.recorded);
    } catch (error) {
      fail({}, [{ message: error instanceof Error ? error.message : 'Nothing was saved. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const items = [
    ...Object.entries(fieldErrors).map(([field, message]) => ({ message: message ?? '', targetId: FIELD_IDS[field as keyof typeof FIELD_IDS] })),
    ...problems,
  ];
  const who = `${chosen.length} ${chosen.length === 1 ? 'leaver' : 'leavers'}`;

  return (
    <>
      <h3>Record one status for the leavers chosen</h3>
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Record one status for the leavers chosen">
        <Fieldset label={`The same spell for ${who}`} hint="Everyone chosen gets it, or nobody does if any of them cannot.">
          <SelectField
            id={FIELD_IDS.activity}
            label="What are they doing?"
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
            id="bulk-spell-source"
            label="Who told you?"
            options={SOURCE_OPTIONS}
            value={draft.source}
            onChange={(event) => set('source', event.target.value as SpellSource)}
          />
          <div className="wm-field">
            <Checkbox
              label="Confirmed with the young people or their providers"
              checked={draft.confirmed}
              onChange={(event) => set('confirmed', event.target.checked)}
            />
          </div>
        </Fieldset>
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Recording…' : `Record for ${who}`}
          </Button>
          <span role="status" className="wm-muted">
            {status}
          </span>
        </div>
      </form>
    </>
  );
}
