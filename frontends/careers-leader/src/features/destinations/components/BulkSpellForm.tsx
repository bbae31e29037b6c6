import { request } from '@waymark/graphql-client';
import { Button, ErrorSummary, Fieldset } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { FollowUpEntry } from '../graphql/destinations';
import { RECORD_ACTIVITY_SPELLS_MUTATION } from '../graphql/spellBulk';
import { namedProblems } from '../lib/bulkChoice';
import { EMPTY_SPELL, toRecordActivitySpellsInput, validateSpell, type SpellDraft } from '../lib/spellDraft';
import { SpellFields, spellFieldIds } from './SpellFields';

const FIELD_IDS = spellFieldIds('bulk-spell');

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
          <SpellFields
            draft={draft}
            set={set}
            errors={fieldErrors}
            ids={FIELD_IDS}
            activityLabel="What are they doing?"
            confirmedLabel="Confirmed with the young people or their providers"
          />
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
