import { Checkbox, Field, Fieldset, SelectField } from '@waymark/ui';
import { CURRICULUM_SUBJECTS } from '../../../shared/benchmarks';
import { ENCOUNTER_KINDS, YEAR_GROUPS, type EncounterKind } from '../../../shared/encounterKinds';
import type { EncounterDraft, FieldErrors } from '../lib/encounterDraft';
import { FIELD_IDS } from './fieldIds';

export interface EncounterDetailsFieldsProps {
  draft: EncounterDraft;
  errors: FieldErrors;
  onChange: <Key extends keyof EncounterDraft>(key: Key, value: EncounterDraft[Key]) => void;
  onToggleYearGroup: (yearGroup: number, chosen: boolean) => void;
}

const KIND_OPTIONS = ENCOUNTER_KINDS.map(({ value, label }) => ({ value, label }));
const SUBJECT_OPTIONS = CURRICULUM_SUBJECTS.map((subject) => ({ value: subject, label: subject }));

/** What happened and when, with the fields only some kinds have (subject, adviser). */
export function EncounterDetailsFields({ draft, errors, onChange, onToggleYearGroup }: EncounterDetailsFieldsProps) {
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
        hint="This decides which Gatsby benchmarks it counts towards and what makes it meaningful."
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
      {draft.kind === 'CURRICULUM_LESSON' ? (
        <SelectField
          id={FIELD_IDS.subject}
          label="Subject"
          name="subject"
          placeholder="Choose a subject"
          options={SUBJECT_OPTIONS}
          hint="The subject the lesson was part of. It counts towards Benchmark 4 for that subject."
          value={draft.subject}
          error={errors.subject}
          onChange={(event) => onChange('subject', event.target.value)}
        />
      ) : null}
      {draft.kind === 'GUIDANCE_MEETING' ? (
        <>
          <Field
            id={FIELD_IDS.adviserName}
            label="Adviser's name"
            name="adviserName"
            value={draft.adviserName}
            error={errors.adviserName}
            autoComplete="off"
            onChange={(event) => onChange('adviserName', event.target.value)}
          />
          <Field
            id={FIELD_IDS.adviserLevel}
            label="Adviser's qualification level"
            name="adviserLevel"
            type="number"
            inputMode="numeric"
            min={1}
            max={8}
            step={1}
            narrow
            hint="Level 6 or above counts towards Benchmark 8 (personal guidance)."
            value={draft.adviserLevel}
            error={errors.adviserLevel}
            onChange={(event) => onChange('adviserLevel', event.target.value)}
          />
        </>
      ) : null}
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
      <div className="wm-toolbar">
        <Field
          id={FIELD_IDS.startTime}
          label="Start time (optional)"
          name="startTime"
          type="time"
          narrow
          value={draft.startTime}
          error={errors.startTime}
          onChange={(event) => onChange('startTime', event.target.value)}
        />
        <Field
          id={FIELD_IDS.endTime}
          label="Finish time (optional)"
          name="endTime"
          type="time"
          narrow
          value={draft.endTime}
          error={errors.endTime}
          onChange={(event) => onChange('endTime', event.target.value)}
        />
      </div>
      <Field
        id={FIELD_IDS.hours}
        label="Length in hours"
        name="hours"
        type="number"
        inputMode="decimal"
        min={0.25}
        step={0.25}
        narrow
        hint="For example: 1.5 for an hour and a half. A work-experience day is 5."
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
      <Fieldset label="Year groups" hint="Choose every year group it was for." error={errors.yearGroups}>
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
