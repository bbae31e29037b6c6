import { Checkbox, Field, Fieldset, SelectField } from '@waymark/ui';
import { ENCOUNTER_KINDS, YEAR_GROUPS, type EncounterKind } from '../../../shared/encounterKinds';
import type { EncounterDraft, FieldErrors } from '../hooks/useRecordEncounterForm';
import { FIELD_IDS } from './fieldIds';

export interface EncounterDetailsFieldsProps {
  draft: EncounterDraft;
  errors: FieldErrors;
  onChange: <Key extends keyof EncounterDraft>(key: Key, value: EncounterDraft[Key]) => void;
  onToggleYearGroup: (yearGroup: number, chosen: boolean) => void;
}

const KIND_OPTIONS = ENCOUNTER_KINDS.map(({ value, label }) => ({ value, label }));

export function EncounterDetailsFields({ draft, errors, onChange, onToggleYearGroup }: EncounterDetailsFieldsProps) {
  const kind = ENCOUNTER_KINDS.find((entry) => entry.value === draft.kind);
  return (
    <>
      <SelectField
        id={FIELD_IDS.kind}
        label="Kind of encounter"
        name="kind"
        placeholder="Choose a kind"
        options={KIND_OPTIONS}
        value={draft.kind}
        error={errors.kind}
        hint={kind ? `Counts towards Gatsby benchmark ${kind.benchmarks.join(' and ')}.` : 'This decides which Gatsby benchmarks it counts towards.'}
        onChange={(event) => onChange('kind', event.target.value as EncounterKind | '')}
      />
      <Field
        id={FIELD_IDS.title}
        label="Title"
        name="title"
        hint="For example: NHS careers talk"
        value={draft.title}
        error={errors.title}
        autoComplete="off"
        onChange={(event) => onChange('title', event.target.value)}
      />
      <Field
        id={FIELD_IDS.date}
        label="Date"
        name="date"
        type="date"
        narrow
        value={draft.date}
        error={errors.date}
        onChange={(event) => onChange('date', event.target.value)}
      />
      <Field
        id={FIELD_IDS.hours}
        label="Length in hours"
        name="hours"
        type="number"
        inputMode="decimal"
        min={0.25}
        step={0.25}
        narrow
        hint="For example: 1.5 for an hour and a half"
        value={draft.hours}
        error={errors.hours}
        onChange={(event) => onChange('hours', event.target.value)}
      />
      <div className="wm-field">
        <Checkbox
          label="Held during the school day"
          name="inSchoolDay"
          checked={draft.inSchoolDay}
          onChange={(event) => onChange('inSchoolDay', event.target.checked)}
        />
      </div>
      <Fieldset label="Year groups" hint="Choose every year group that was invited." error={errors.yearGroups}>
        <div className="wm-checkbox-list">
          {YEAR_GROUPS.map((year) => (
            <Checkbox
              key={year}
              id={`encounter-year-${year}`}
              label={`Year ${year}`}
              name="yearGroups"
              value={String(year)}
              checked={draft.yearGroups.includes(year)}
              onChange={(event) => onToggleYearGroup(year, event.target.checked)}
            />
          ))}
        </div>
      </Fieldset>
    </>
  );
}
