import { Checkbox, Field, SelectField } from '@waymark/ui';
import type { EducationProviderKind, SpellActivity, SpellSource } from '../graphql/destinations';
import { ACTIVITY_OPTIONS, LEVEL_OPTIONS, PROVIDER_KIND_OPTIONS, SOURCE_OPTIONS, type SpellDraft } from '../lib/spellDraft';

/** The fields of a spell that can go wrong, each with its control's id (for the error summary's links). */
export type SpellFieldIds = Record<Exclude<keyof SpellDraft, 'source' | 'confirmed'>, string>;

/** The ids of a spell form's controls, all starting with `prefix`. */
export function spellFieldIds(prefix: string): SpellFieldIds & { source: string } {
  return {
    activity: `${prefix}-activity`,
    providerKind: `${prefix}-provider-kind`,
    apprenticeshipLevel: `${prefix}-level`,
    provider: `${prefix}-provider`,
    startsOn: `${prefix}-starts`,
    endsOn: `${prefix}-ends`,
    source: `${prefix}-source`,
  };
}

/**
 * A spell's controls, shared by the one-leaver form and the worklist's form for many: what they do
 * (and where they study or their level, when it applies), the place, the dates, who told you and
 * whether it was confirmed. `activityLabel` and `confirmedLabel` fit the words to one or many leavers.
 */
export function SpellFields({
  draft,
  set,
  errors,
  ids,
  activityLabel,
  confirmedLabel,
}: {
  draft: SpellDraft;
  set: <Key extends keyof SpellDraft>(key: Key, value: SpellDraft[Key]) => void;
  errors: Partial<Record<string, string>>;
  ids: SpellFieldIds & { source: string };
  activityLabel: string;
  confirmedLabel: string;
}) {
  return (
    <>
      <SelectField
        id={ids.activity}
        label={activityLabel}
        placeholder="Choose one"
        options={ACTIVITY_OPTIONS}
        value={draft.activity}
        error={errors.activity}
        onChange={(event) => set('activity', event.target.value as SpellActivity | '')}
      />
      {draft.activity === 'EDUCATION' ? (
        <SelectField
          id={ids.providerKind}
          label="Where do they study?"
          placeholder="Choose one"
          options={PROVIDER_KIND_OPTIONS}
          value={draft.providerKind}
          error={errors.providerKind}
          onChange={(event) => set('providerKind', event.target.value as EducationProviderKind | '')}
        />
      ) : null}
      {draft.activity === 'APPRENTICESHIP' ? (
        <SelectField
          id={ids.apprenticeshipLevel}
          label="Apprenticeship level"
          placeholder="Choose one"
          options={LEVEL_OPTIONS}
          value={draft.apprenticeshipLevel}
          error={errors.apprenticeshipLevel}
          onChange={(event) => set('apprenticeshipLevel', event.target.value)}
        />
      ) : null}
      <Field
        id={ids.provider}
        label="College, university, provider or employer (optional)"
        autoComplete="off"
        value={draft.provider}
        error={errors.provider}
        onChange={(event) => set('provider', event.target.value)}
      />
      <Field
        id={ids.startsOn}
        label="Started on"
        type="date"
        narrow
        value={draft.startsOn}
        error={errors.startsOn}
        onChange={(event) => set('startsOn', event.target.value)}
      />
      <Field
        id={ids.endsOn}
        label="Ended on (optional)"
        hint="Leave it empty if it is still going on."
        type="date"
        narrow
        value={draft.endsOn}
        error={errors.endsOn}
        onChange={(event) => set('endsOn', event.target.value)}
      />
      <SelectField
        id={ids.source}
        label="Who told you?"
        options={SOURCE_OPTIONS}
        value={draft.source}
        onChange={(event) => set('source', event.target.value as SpellSource)}
      />
      <div className="wm-field">
        <Checkbox label={confirmedLabel} checked={draft.confirmed} onChange={(event) => set('confirmed', event.target.checked)} />
      </div>
    </>
  );
}
