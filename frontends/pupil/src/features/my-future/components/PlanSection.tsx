import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, DataTable, ErrorSummary, Field, Notice, Section, SelectField, type Column } from '@waymark/ui';
import { formatDay } from '@waymark/domain';
import { useState, type SubmitEvent } from 'react';
import { PartProblem } from '../../my-progress/components/PartProblem';
import type { IntentionKind, MyIntention, RecordIntentionInput } from '../graphql/myFuture';
import type { SaveProblem } from '../hooks/useMyFuture';
import {
  describeIntention,
  EMPTY_INTENTION,
  INTENTION_OPTIONS,
  LEVEL_OPTIONS,
  toRecordIntentionInput,
  validateIntention,
  type IntentionDraft,
} from '../lib/future';

export interface PlanSectionProps {
  yearGroup: number | null;
  current: MyIntention | null;
  history: MyIntention[] | null;
  errors: readonly GraphQLErrorItem[];
  onSave: (input: RecordIntentionInput) => Promise<SaveProblem>;
}

const FIELD_IDS: Record<keyof IntentionDraft, string> = {
  kind: 'plan-kind',
  apprenticeshipLevel: 'plan-level',
  provider: 'plan-provider',
  course: 'plan-course',
};

const WHO: Record<string, string> = { pupil: 'You', careers_leader: 'Your careers leader', careers_adviser: 'Your careers adviser', staff: 'School' };

const columns: Column<MyIntention>[] = [
  { key: 'when', header: 'When', rowHeader: true, render: (intention) => formatDay(intention.enteredAt, 'medium') },
  { key: 'plan', header: 'Plan', render: (intention) => describeIntention(intention) },
  { key: 'who', header: 'Added by', render: (intention) => WHO[intention.enteredByRole] ?? 'School' },
];

/** What the pupil plans to do after Year 11 or Year 13: their current plan, earlier ones, and a form to record a new one. */
export function PlanSection({ yearGroup, current, history, errors, onSave }: PlanSectionProps) {
  const [draft, setDraft] = useState<IntentionDraft>(EMPTY_INTENTION);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof IntentionDraft, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const set = <Key extends keyof IntentionDraft>(key: Key, value: IntentionDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const asked = yearGroup === 11 || yearGroup === 13;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateIntention(draft);
    setFieldErrors(found);
    setServerProblem(null);
    setSaved(false);
    if (Object.keys(found).length) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const problem = await onSave(toRecordIntentionInput(draft));
    setBusy(false);
    if (problem) {
      setFieldErrors(Object.fromEntries(problem.fields.filter((f) => f.field in FIELD_IDS).map((f) => [f.field, f.message])));
      setServerProblem(problem.fields.length ? null : problem.message);
      setAttempt((count) => count + 1);
      return;
    }
    setSaved(true);
    setDraft(EMPTY_INTENTION);
  };

  const items = [
    ...Object.entries(fieldErrors).map(([field, message]) => ({ message, targetId: FIELD_IDS[field as keyof IntentionDraft] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];
  const after = yearGroup === 13 ? 'Year 13' : 'Year 11';

  return (
    <Section
      title="What you plan to do next"
      description={asked ? `Tell school what you plan to do after ${after}. You can change it as often as you like.` : undefined}
    >
      <PartProblem items={errors} what="plans" />
      {current ? (
        <p>
          <strong>Your plan now:</strong> {describeIntention(current)}
        </p>
      ) : asked ? (
        <p>You have not told school your plan yet.</p>
      ) : null}
      {history && history.length > 1 ? (
        <DataTable caption="Your plans so far" columns={columns} rows={history} rowKey={(intention) => intention.id} emptyText="No plans yet." />
      ) : null}
      {asked ? (
        <>
          <h3>{current ? 'Change your plan' : 'Add your plan'}</h3>
          {saved ? (
            <Notice title="Plan saved" headingLevel={3}>
              Your careers leader can now see it.
            </Notice>
          ) : null}
          <ErrorSummary attempt={attempt} items={items} />
          <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Your plan">
            <SelectField
              id={FIELD_IDS.kind}
              label={`What do you plan to do after ${after}?`}
              placeholder="Choose one"
              options={INTENTION_OPTIONS}
              value={draft.kind}
              error={fieldErrors.kind}
              onChange={(event) => set('kind', event.target.value as IntentionKind | '')}
            />
            {draft.kind === 'APPRENTICESHIP' ? (
              <SelectField
                id={FIELD_IDS.apprenticeshipLevel}
                label="What level of apprenticeship? (optional)"
                hint="Level 2 is like GCSEs, level 3 like A levels, levels 6 and 7 like a degree."
                placeholder="I do not know yet"
                options={LEVEL_OPTIONS}
                value={draft.apprenticeshipLevel}
                error={fieldErrors.apprenticeshipLevel}
                onChange={(event) => set('apprenticeshipLevel', event.target.value)}
              />
            ) : null}
            <Field
              id={FIELD_IDS.provider}
              label="Where? (optional)"
              hint="For example: the name of the college, university or employer"
              autoComplete="off"
              value={draft.provider}
              error={fieldErrors.provider}
              onChange={(event) => set('provider', event.target.value)}
            />
            <Field
              id={FIELD_IDS.course}
              label="Which course or job? (optional)"
              hint="For example: A levels in biology and chemistry"
              autoComplete="off"
              value={draft.course}
              error={fieldErrors.course}
              onChange={(event) => set('course', event.target.value)}
            />
            <Button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save my plan'}
            </Button>
          </form>
        </>
      ) : (
        <p>School asks about your plans in Year 11 and again in Year 13. Until then, write down your hopes below.</p>
      )}
    </Section>
  );
}
