import { CDI_AREA_KEYS, CDI_AREAS, YEAR_GROUPS, type PlanItemField } from '@waymark/domain';
import { Button, Checkbox, ErrorSummary, Field, Fieldset, SelectField, TextAreaField } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { GATSBY_BENCHMARKS } from '../../../shared/benchmarks';
import { VULNERABLE_GROUPS } from '../../../shared/vulnerableGroups';
import type { PlanHalfTerm, PlanItemInput } from '../graphql/programme';
import type { SaveProblem } from '../hooks/useProgrammePlan';
import { draftToInput, EMPTY_DRAFT, validateDraft, type PlanItemDraft } from '../lib/programme';

/** Where each field's error summary link goes: the control itself, or the first box of a group (ids start with `prefix`). */
function fieldIds(prefix: string): Record<PlanItemField, string> {
  return {
    academicYear: `${prefix}-half-term`,
    halfTerm: `${prefix}-half-term`,
    title: `${prefix}-title`,
    yearGroups: `${prefix}-year-7`,
    purpose: `${prefix}-purpose`,
    learningOutcomes: `${prefix}-outcomes`,
    cdiAreas: `${prefix}-cdi-${CDI_AREA_KEYS[0]}`,
    benchmarks: `${prefix}-benchmark-1`,
    deliveredBy: `${prefix}-delivered-by`,
    forGroups: `${prefix}-group-${VULNERABLE_GROUPS[0].value}`,
    sendAdaptations: `${prefix}-send`,
    startsOn: `${prefix}-starts-on`,
    endsOn: `${prefix}-ends-on`,
  };
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/**
 * "Add a planned activity", or change one (`initial`): checked with the API's own rules first; every
 * problem listed above the form and linked to its field. Controls' ids start with `idPrefix`, so a
 * change form and the add form never share one.
 */
export function PlanItemForm({
  academicYear,
  halfTerms,
  onSave,
  onCancel,
  initial = EMPTY_DRAFT,
  label = 'Add a planned activity',
  idPrefix = 'plan',
}: {
  academicYear: number;
  halfTerms: readonly PlanHalfTerm[];
  onSave: (input: PlanItemInput) => Promise<SaveProblem>;
  onCancel: () => void;
  initial?: PlanItemDraft;
  label?: string;
  idPrefix?: string;
}) {
  const IDS = fieldIds(idPrefix);
  const [draft, setDraft] = useState<PlanItemDraft>(initial);
  const [errors, setErrors] = useState<Partial<Record<PlanItemField, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = <K extends keyof PlanItemDraft>(key: K, value: PlanItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDraft(draft, academicYear);
    setErrors(found);
    setServerProblem(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const problem = await onSave(draftToInput(draft, academicYear));
    setBusy(false);
    if (problem) {
      const known = problem.fields.filter((f): f is { field: PlanItemField; message: string } => Object.hasOwn(IDS, f.field));
      setErrors(Object.fromEntries(known.map((f) => [f.field, f.message])));
      setServerProblem(known.length > 0 ? null : problem.message);
      setAttempt((n) => n + 1);
    }
  };

  const items = [
    ...(Object.entries(errors) as [PlanItemField, string][]).map(([field, message]) => ({ message, targetId: IDS[field] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <form className="wm-form" noValidate aria-label={label} onSubmit={(event) => void submit(event)}>
      <ErrorSummary attempt={attempt} items={items} />
      <SelectField
        ref={first}
        id={IDS.halfTerm}
        label="Half term"
        placeholder="Choose a half term"
        options={halfTerms.map((h) => ({ value: h.halfTerm, label: h.label }))}
        value={draft.halfTerm}
        error={errors.halfTerm ?? errors.academicYear}
        onChange={(event) => set('halfTerm', event.target.value)}
      />
      <Field
        id={IDS.title}
        label="Activity"
        hint='For example "Year 10 mock interviews"'
        value={draft.title}
        error={errors.title}
        autoComplete="off"
        onChange={(event) => set('title', event.target.value)}
      />
      <Fieldset label="Year groups" error={errors.yearGroups}>
        <div className="wm-checkbox-list">
          {YEAR_GROUPS.map((year) => (
            <Checkbox
              key={year}
              id={`${idPrefix}-year-${year}`}
              label={`Year ${year}`}
              checked={draft.yearGroups.includes(year)}
              onChange={(event) =>
                set(
                  'yearGroups',
                  toggled(draft.yearGroups, year, event.target.checked).sort((a, b) => a - b),
                )
              }
            />
          ))}
        </div>
      </Fieldset>
      <TextAreaField
        id={IDS.purpose}
        label="Purpose (optional)"
        hint="Why it is in the programme."
        value={draft.purpose}
        error={errors.purpose}
        onChange={(event) => set('purpose', event.target.value)}
      />
      <TextAreaField
        id={IDS.learningOutcomes}
        label="Learning outcomes (optional)"
        hint="What pupils will know or be able to do afterwards."
        value={draft.learningOutcomes}
        error={errors.learningOutcomes}
        onChange={(event) => set('learningOutcomes', event.target.value)}
      />
      <Fieldset label="CDI framework areas the outcomes map to (optional)" error={errors.cdiAreas}>
        <div className="wm-checkbox-stack">
          {CDI_AREA_KEYS.map((key) => (
            <Checkbox
              key={key}
              id={`${idPrefix}-cdi-${key}`}
              label={`${CDI_AREAS[key].label}: ${CDI_AREAS[key].description}`}
              checked={draft.cdiAreas.includes(key)}
              onChange={(event) => set('cdiAreas', toggled(draft.cdiAreas, key, event.target.checked))}
            />
          ))}
        </div>
      </Fieldset>
      <Fieldset label="Benchmarks it works towards" error={errors.benchmarks}>
        <div className="wm-checkbox-stack">
          {GATSBY_BENCHMARKS.map((benchmark) => (
            <Checkbox
              key={benchmark.number}
              id={`${idPrefix}-benchmark-${benchmark.number}`}
              label={`Benchmark ${benchmark.number}: ${benchmark.name}`}
              checked={draft.benchmarks.includes(benchmark.number)}
              onChange={(event) =>
                set(
                  'benchmarks',
                  toggled(draft.benchmarks, benchmark.number, event.target.checked).sort((a, b) => a - b),
                )
              }
            />
          ))}
        </div>
      </Fieldset>
      <Field
        id={IDS.deliveredBy}
        label="Delivered by (optional)"
        hint='For example "Careers adviser" or "Local college"'
        value={draft.deliveredBy}
        error={errors.deliveredBy}
        autoComplete="off"
        onChange={(event) => set('deliveredBy', event.target.value)}
      />
      <Fieldset label="For which pupils" hint="Leave every box empty when it is for all pupils in the year groups." error={errors.forGroups}>
        <div className="wm-checkbox-stack">
          {VULNERABLE_GROUPS.map((group) => (
            <Checkbox
              key={group.value}
              id={`${idPrefix}-group-${group.value}`}
              label={group.label}
              checked={draft.forGroups.includes(group.value)}
              onChange={(event) => set('forGroups', toggled(draft.forGroups, group.value, event.target.checked))}
            />
          ))}
        </div>
      </Fieldset>
      <TextAreaField
        id={IDS.sendAdaptations}
        label="SEND adaptations (optional)"
        hint="How it is adapted for pupils with special educational needs or disabilities."
        value={draft.sendAdaptations}
        error={errors.sendAdaptations}
        onChange={(event) => set('sendAdaptations', event.target.value)}
      />
      <Field
        id={IDS.startsOn}
        type="date"
        narrow
        label="Start date (optional)"
        value={draft.startsOn}
        error={errors.startsOn}
        onChange={(event) => set('startsOn', event.target.value)}
      />
      <Field
        id={IDS.endsOn}
        type="date"
        narrow
        label="End date (optional)"
        hint="On or after the start date."
        value={draft.endsOn}
        error={errors.endsOn}
        onChange={(event) => set('endsOn', event.target.value)}
      />
      <div className="wm-button-row">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save planned activity'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
